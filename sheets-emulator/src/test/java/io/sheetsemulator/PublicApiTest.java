package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is what module-info exports, and it changes only on purpose: its signatures are compared with
 * {@code api/public-api.txt} (after a deliberate change, run with {@code -Dapi.update=true} and commit the file,
 * with a CHANGELOG entry), and none of them names a type of the internal packages ({@code model}, {@code wire}).
 */
class PublicApiTest {

    private static final Path BASELINE = Path.of("api", "public-api.txt");

    private static Path classes() throws Exception {
        return Path.of(SheetsEmulator.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The exported packages, from the compiled module descriptor; the test is skipped where there is none. */
    private static Set<String> exported() throws Exception {
        Path descriptor = classes().resolve("module-info.class");
        assumeTrue(Files.exists(descriptor), "compiled without module-info (the function's build)");
        try (InputStream in = Files.newInputStream(descriptor)) {
            return ModuleDescriptor.read(in).exports().stream()
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Class<?>> publicTypes(Set<String> packages) throws Exception {
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = classes().resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                    if (visible(type)) {
                        types.add(type);
                    }
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        return (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()))
                && !member.isSynthetic()
                && !(member instanceof java.lang.reflect.Method m && m.isBridge());
    }

    private static List<String> signatures(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : types) {
            StringBuilder head = new StringBuilder(type.toGenericString());
            if (type.getGenericSuperclass() != null
                    && type.getSuperclass() != Object.class
                    && !type.isEnum()
                    && !type.isRecord()) {
                head.append(" extends ").append(type.getGenericSuperclass().getTypeName());
            }
            Type[] interfaces = type.getGenericInterfaces();
            if (interfaces.length > 0) {
                head.append(type.isInterface() ? " extends " : " implements ")
                        .append(Stream.of(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
            }
            lines.add(head.toString());
            TreeSet<String> members = new TreeSet<>();
            Stream.of(type.getDeclaredFields())
                    .filter(PublicApiTest::visible)
                    .forEach(f -> members.add(f.toGenericString()));
            Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .filter(PublicApiTest::visible)
                    .forEach(e -> members.add(e.toGenericString()));
            members.forEach(m -> lines.add("  " + m));
        }
        return lines;
    }

    @Test
    void thePublicApiIsTheCommittedOne() throws Exception {
        List<String> actual = signatures(publicTypes(exported()));
        String text = String.join("\n", actual) + "\n";
        if (Boolean.getBoolean("api.update")) {
            Files.writeString(BASELINE, text, StandardCharsets.UTF_8);
        }
        assertEquals(
                Files.readString(BASELINE, StandardCharsets.UTF_8),
                text,
                "the public API changed; if on purpose, run with -Dapi.update=true, commit " + BASELINE
                        + " and say so in CHANGELOG.md");
    }

    @Test
    void onlyTheExportedPackagesAreExported() throws Exception {
        assertEquals(Set.of("io.sheetsemulator", "io.sheetsemulator.control", "io.sheetsemulator.junit"), exported());
    }

    @Test
    void noPublicSignatureNamesAnInternalType() throws Exception {
        Set<String> exported = exported();
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes(exported)) {
            List<Type> named = new ArrayList<>();
            named.add(type.getGenericSuperclass());
            named.addAll(List.of(type.getGenericInterfaces()));
            for (var field : type.getDeclaredFields()) {
                if (visible(field)) {
                    named.add(field.getGenericType());
                }
            }
            for (Executable code : Stream.concat(
                            Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .toList()) {
                if (visible(code)) {
                    named.addAll(List.of(code.getGenericParameterTypes()));
                    named.addAll(List.of(code.getGenericExceptionTypes()));
                    if (code instanceof java.lang.reflect.Method m) {
                        named.add(m.getGenericReturnType());
                    }
                }
            }
            for (Type t : named) {
                for (Class<?> used : classesIn(t)) {
                    String pkg = used.getPackageName();
                    if (pkg.startsWith("io.sheetsemulator") && !exported.contains(pkg)) {
                        leaks.add(type.getName() + " names " + used.getName());
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof Class<?> c) {
            found.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            found.addAll(classesIn(p.getRawType()));
            for (Type arg : p.getActualTypeArguments()) {
                found.addAll(classesIn(arg));
            }
        } else if (type instanceof GenericArrayType a) {
            found.addAll(classesIn(a.getGenericComponentType()));
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> found.addAll(classesIn(b)));
        }
        return found;
    }
}
