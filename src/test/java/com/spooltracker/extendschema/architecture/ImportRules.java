package com.spooltracker.extendschema.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The function's import rules, over the packages under {@code root}, with the emulator's packages under
 * {@code emulator}. A parameter rather than a constant so
 * that {@link ArchitectureTest} can also show each rule failing on a tree of deliberate violations.
 */
record ImportRules(String root, String emulator) {

    /** The planner and its values stay pure: no Google type (client, model, gson, functions framework), no HTTP. */
    ArchRule schemaImportsNoGoogleOrHttpType() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".schema..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.google..",
                        "java.net.http..",
                        "com.sun.net.httpserver..",
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        "javax.servlet..")
                .because("schema/ is the pure core: it plans from a snapshot and must be testable without I/O");
    }

    /** The emulator is test code; production reaches it only through {@code LocalSheets} (ServiceLoader). */
    ArchRule nothingOutsideTheEmulatorImportsIt() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(emulator + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(emulator + "..")
                .because("the deployed function carries no emulator; find it through LocalSheets instead");
    }

    /**
     * The Sheets client and its model (and Google auth) are spoken in one package only: no class outside it
     * names those types, nor hands their values along (calls a method that takes or returns one) — the class
     * file keeps no imports, so a loop over {@code List<BatchUpdateValuesRequest>} shows only in the calls.
     */
    ArchRule googleApiTypesOnlyInSheets() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".sheets..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(GOOGLE_API)
                .orShould(callMethodsTakingOrReturningGoogleApiTypes())
                .because("sheets/ is the only package that speaks the Sheets API");
    }

    private static final String[] GOOGLE_API = {"com.google.api..", "com.google.auth.."};

    private static ArchCondition<JavaClass> callMethodsTakingOrReturningGoogleApiTypes() {
        return new ArchCondition<>("call methods that take or return Google API types") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnitAccess<?> access : javaClass.getCodeUnitAccessesFromSelf()) {
                    boolean google = access.getTarget()
                                    .getRawReturnType()
                                    .getPackageName()
                                    .startsWith("com.google.api")
                            || access.getTarget().getRawParameterTypes().stream()
                                    .anyMatch(type -> type.getPackageName().startsWith("com.google.api")
                                            || type.getPackageName().startsWith("com.google.auth"));
                    if (google) {
                        events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * The classes of the root package are free of cycles among themselves: no class uses one that uses
     * it back (nested classes count as their top-level class), which the package rule cannot see.
     */
    ArchRule noClassCyclesInTheRootPackage() {
        return slices().assignedFrom(new ByTopLevelClassOf(root)).should().beFreeOfCycles();
    }

    /** {@code metrics/} computes from values: no file, network or Sheets access, as {@code schema/}. */
    ArchRule metricsDoesNoIo() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.io..",
                        "java.nio.file..",
                        "java.net..",
                        "com.google..",
                        root + ".sheets..",
                        root + ".cache..")
                .because("metrics/ is pure: the refresh's decisions are testable without I/O");
    }

    private record ByTopLevelClassOf(String root) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().equals(root)) {
                return SliceIdentifier.ignore();
            }
            String name = javaClass.getName().substring(root.length() + 1);
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "the top-level classes of " + root;
        }
    }

    /** Every package, the root and nested ones each on their own (so a ⇄ a.b counts), is free of cycles. */
    ArchRule noPackageCycles() {
        return slices().assignedFrom(new ByPackage(root)).should().beFreeOfCycles();
    }

    private record ByPackage(String root) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(root)) {
                return SliceIdentifier.of("(root)");
            }
            return pkg.startsWith(root + ".")
                    ? SliceIdentifier.of(pkg.substring(root.length() + 1))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages under " + root;
        }
    }
}
