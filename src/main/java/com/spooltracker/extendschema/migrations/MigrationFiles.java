package com.spooltracker.extendschema.migrations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.ColumnType;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Reads migration files: {@code V<version>__<description>.json}, Flyway's naming, from the function's
 * resources ({@code migrations/}) or from a directory. Every file is checked whole when it is read, so a
 * mistake in one stops the function at start-up with the file and the field named, not half-way through a
 * run.
 *
 * <p>A file:
 *
 * <pre>{@code
 * {
 *   "description": "Metadata: N_UNION, the union an event is about",
 *   "sheets": [
 *     {"sheet": "Metadata",
 *      "requires": ["ID", "Metadata_JSON"],
 *      "addColumns": [{"header": "N_UNION", "type": "integer", "after": "Metadata_JSON", "column": 11}]}
 *   ],
 *   "metrics": {"join": {"spools": "OT", "unions": "OT"}, "diameter": "DN_UNION",
 *               "armDone": "ARM_FECHA_FIN", "soldDone": "SOL_FECHA_FIN"}
 * }
 * }</pre>
 */
public final class MigrationFiles {
    /** Where the shipped migrations are, on the class path. */
    public static final String RESOURCE_DIRECTORY = "migrations";

    private static final Pattern NAME = Pattern.compile("V([0-9]+(?:_[0-9]+)*)__([A-Za-z0-9_]+)\\.json");

    private MigrationFiles() {}

    /** A migration file that cannot be used: the message names the file and what is wrong in it. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The migrations shipped in the function's resources. */
    public static List<MigrationFile> shipped() {
        return shipped(MigrationFiles.class.getClassLoader());
    }

    /**
     * The migrations under {@value #RESOURCE_DIRECTORY} of {@code loader}: a directory, or a jar read
     * through the class loader's own open {@link JarFile} (no zip file system to start: this runs when
     * an instance starts).
     */
    static List<MigrationFile> shipped(ClassLoader loader) {
        URL url = loader.getResource(RESOURCE_DIRECTORY);
        if (url == null) {
            throw new Invalid("The function's resources have no '" + RESOURCE_DIRECTORY + "' directory.");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(true);
                JarFile jar = connection.getJarFile();
                List<Named> files = new ArrayList<>();
                String prefix = RESOURCE_DIRECTORY + "/";
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.add(new Named(name.substring(prefix.length()), in.readAllBytes()));
                        }
                    }
                }
                return assemble(files, url.toString());
            }
            return from(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException | ClassCastException e) {
            throw new Invalid("The shipped migrations could not be listed: " + e.getMessage());
        }
    }

    /** A file's name and bytes. */
    private record Named(String name, byte[] bytes) {}

    /** Every {@code V…__….json} file of {@code directory}, in version order; other files are refused. */
    public static List<MigrationFile> from(Path directory) {
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new Invalid("The migrations directory " + directory + " could not be listed: " + e.getMessage());
        }
        List<Named> files = new ArrayList<>();
        for (Path file : paths) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                files.add(new Named(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new Invalid("Migration file " + name + " could not be read: " + e.getMessage());
            }
        }
        return assemble(files, directory.toString());
    }

    private static List<MigrationFile> assemble(List<Named> files, String where) {
        TreeMap<Version, MigrationFile> byVersion = new TreeMap<>();
        for (Named file : files) {
            String name = file.name();
            MigrationFile migration = parse(name, file.bytes());
            MigrationFile clash = byVersion.put(migration.version(), migration);
            if (clash != null) {
                throw new Invalid("Migration files " + clash.script() + " and " + name + " have the same version "
                        + migration.version() + ". Give each file its own version.");
            }
        }
        if (byVersion.isEmpty()) {
            throw new Invalid("The migrations directory " + where + " holds no V<version>__<description>.json file.");
        }
        List<MigrationFile> ordered = new ArrayList<>(byVersion.values());
        checkNoColumnTwice(ordered);
        return ordered;
    }

    /** One file, from its name and bytes. */
    public static MigrationFile parse(String name, byte[] bytes) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new Invalid("'" + name + "' is not a migration file name: use V<version>__<description>.json, "
                    + "e.g. V4_0_3__operaciones_ndt.json (version parts joined by _, two underscores before the "
                    + "description).");
        }
        Version version = Version.parse(matcher.group(1));
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new Invalid(name + ": the file must hold one JSON object.");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new Invalid(name + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        Fields fields = new Fields(name, "", root);
        fields.only("description", "sheets", "metrics");
        String description =
                fields.optionalText("description").orElse(matcher.group(2).replace('_', ' '));
        List<SheetChange> changes = new ArrayList<>();
        for (JsonObject sheet : fields.objects("sheets")) {
            changes.add(change(new Fields(name, "sheets[" + changes.size() + "].", sheet)));
        }
        Optional<MetricsDefinition> metrics =
                fields.optionalObject("metrics").map(m -> metrics(new Fields(name, "metrics.", m)));
        if (changes.isEmpty() && metrics.isEmpty()) {
            throw new Invalid(name + " declares nothing: give it \"sheets\" or \"metrics\".");
        }
        return new MigrationFile(version, description, name, checksum(text), changes, metrics);
    }

    private static SheetChange change(Fields fields) {
        fields.only("sheet", "requires", "addColumns", "key");
        String sheet = fields.text("sheet");
        List<String> requires = fields.texts("requires");
        List<ColumnSpec> columns = new ArrayList<>();
        for (JsonObject column : fields.objects("addColumns")) {
            columns.add(column(fields.child("addColumns[" + columns.size() + "].", column)));
        }
        if (requires.isEmpty() && columns.isEmpty()) {
            throw fields.invalid("", "names neither \"requires\" nor \"addColumns\" for sheet '" + sheet + "'");
        }
        return new SheetChange(sheet, requires, columns, fields.optionalText("key"));
    }

    private static ColumnSpec column(Fields fields) {
        fields.only("header", "type", "column", "after", "default");
        String header = fields.text("header");
        String typeName = fields.text("type");
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fields.invalid("type", "is '" + typeName + "'; use \"integer\" or \"decimal\"");
        }
        OptionalInt column = fields.optionalWhole("column", 1, 18_278);
        OptionalInt defaultValue = fields.optionalWhole("default", Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new ColumnSpec(header, type, column.orElse(0), fields.optionalText("after"), defaultValue);
    }

    private static MetricsDefinition metrics(Fields fields) {
        fields.only("join", "diameter", "armDone", "soldDone");
        Fields join = fields.child("join.", fields.object("join"));
        join.only("spools", "unions");
        return new MetricsDefinition(
                join.text("spools"),
                join.text("unions"),
                fields.text("diameter"),
                fields.text("armDone"),
                fields.text("soldDone"));
    }

    /** Two files adding the same column to one sheet would make the schema ambiguous. */
    private static void checkNoColumnTwice(List<MigrationFile> files) {
        Map<String, String> declared = new TreeMap<>();
        for (MigrationFile file : files) {
            for (SheetChange change : file.changes()) {
                for (ColumnSpec column : change.addColumns()) {
                    String key = change.sheet().toLowerCase(Locale.ROOT) + "|" + column.normalizedName();
                    String earlier = declared.putIfAbsent(key, file.script());
                    if (earlier != null) {
                        throw new Invalid(file.script() + " adds '" + column.header() + "' to sheet '" + change.sheet()
                                + "', which " + earlier + " already adds. Remove it from one of them.");
                    }
                }
            }
        }
    }

    /** CRC32 of the text as UTF-8, line endings normalized: Flyway's checksum, so a moved file keeps it. */
    static long checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A JSON object of a file, read strictly: unknown or mistyped fields name the file and the path. */
    private record Fields(String file, String path, JsonObject json) {
        Fields child(String childPath, JsonObject object) {
            return new Fields(file, path + childPath, object);
        }

        void only(String... allowed) {
            Set<String> names = Set.of(allowed);
            for (String name : json.keySet()) {
                if (!names.contains(name)) {
                    throw invalid(name, "is not a field here; the fields are " + String.join(", ", allowed));
                }
            }
        }

        Invalid invalid(String field, String what) {
            return new Invalid(
                    file + ": " + (field.isEmpty() ? path.replaceAll("\\.$", "") : path + field) + " " + what + ".");
        }

        String text(String name) {
            return optionalText(name).orElseThrow(() -> invalid(name, "is missing"));
        }

        Optional<String> optionalText(String name) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return Optional.empty();
            }
            if (!(value instanceof JsonPrimitive p)
                    || !p.isString()
                    || p.getAsString().isBlank()) {
                throw invalid(name, "must be a non-empty text");
            }
            return Optional.of(p.getAsString().strip());
        }

        List<String> texts(String name) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return List.of();
            }
            if (!value.isJsonArray()) {
                throw invalid(name, "must be a list of headers");
            }
            List<String> texts = new ArrayList<>();
            for (JsonElement item : value.getAsJsonArray()) {
                if (!(item instanceof JsonPrimitive p)
                        || !p.isString()
                        || p.getAsString().isBlank()) {
                    throw invalid(name, "must hold only non-empty texts");
                }
                texts.add(p.getAsString().strip());
            }
            return texts;
        }

        JsonObject object(String name) {
            return optionalObject(name).orElseThrow(() -> invalid(name, "is missing"));
        }

        Optional<JsonObject> optionalObject(String name) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return Optional.empty();
            }
            if (!value.isJsonObject()) {
                throw invalid(name, "must be a JSON object");
            }
            return Optional.of(value.getAsJsonObject());
        }

        List<JsonObject> objects(String name) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return List.of();
            }
            if (!value.isJsonArray()) {
                throw invalid(name, "must be a list");
            }
            List<JsonObject> objects = new ArrayList<>();
            JsonArray array = value.getAsJsonArray();
            for (JsonElement item : array) {
                if (!item.isJsonObject()) {
                    throw invalid(name, "must hold only JSON objects");
                }
                objects.add(item.getAsJsonObject());
            }
            return objects;
        }

        OptionalInt optionalWhole(String name, int min, int max) {
            JsonElement value = json.get(name);
            if (value == null || value.isJsonNull()) {
                return OptionalInt.empty();
            }
            if (value instanceof JsonPrimitive p && p.isNumber()) {
                double number = p.getAsDouble();
                if (number == Math.rint(number) && number >= min && number <= max) {
                    return OptionalInt.of((int) number);
                }
            }
            throw invalid(name, "must be a whole number" + (min > 0 ? " from " + min + " to " + max : ""));
        }
    }
}
