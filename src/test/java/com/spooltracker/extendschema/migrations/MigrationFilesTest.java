package com.spooltracker.extendschema.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.ColumnType;
import com.spooltracker.extendschema.schema.SchemaV4;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationFilesTest {
    private static final String OPERACIONES = "V4_0_1__operaciones_metrics.json";
    private static final String METADATA = "V4_0_2__metadata_n_union.json";

    private static final String ONE_COLUMN = """
            {"sheets": [{"sheet": "Operaciones",
                         "addColumns": [{"header": "Pulgadas_NDT", "type": "decimal", "default": 0}]}]}
            """;

    private static MigrationFile parse(String name, String text) {
        return MigrationFiles.parse(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String name, String text) {
        return assertThrows(MigrationFiles.Invalid.class, () -> parse(name, text))
                .getMessage();
    }

    private static byte[] shippedBytes(String name) throws IOException {
        try (InputStream in = MigrationFilesTest.class
                .getClassLoader()
                .getResourceAsStream(MigrationFiles.RESOURCE_DIRECTORY + "/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theShippedFilesDeclareExactlyTheFiveMetricColumnsAndNUnionAfterMetadataJson() {
        Schema schema = Schema.shipped();

        assertEquals(
                List.of("4.0.1", "4.0.2"),
                schema.files().stream().map(f -> f.version().toString()).toList());
        assertEquals(SchemaV4.METRIC_COLUMNS, schema.columnsOf("Operaciones"));
        assertEquals(
                List.of(new ColumnSpec(
                        "N_UNION", ColumnType.INTEGER, 11, Optional.of("Metadata_JSON"), OptionalInt.empty())),
                schema.columnsOf("Metadata"));
        assertEquals(List.of(), schema.columnsOf("Uniones"), "Uniones is only checked");
        assertTrue(schema.requiresOf("Uniones").containsAll(MetricsDefinition.BY_OT.unionColumns()));
        assertEquals("Metadata_JSON", schema.requiresOf("Metadata").get(9));
        assertEquals(MetricsDefinition.BY_OT, schema.metrics());
        assertEquals(List.of("Operaciones"), schema.files().get(0).sheetsWritten());
        assertEquals(List.of("Metadata"), schema.files().get(1).sheetsWritten());
    }

    @Test
    void theShippedResourcesAreReadFromAJarToo(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("function.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("migrations/"));
            out.closeEntry();
            for (String name : List.of(OPERACIONES, METADATA)) {
                out.putNextEntry(new JarEntry("migrations/" + name));
                out.write(shippedBytes(name));
                out.closeEntry();
            }
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertTrue(loader.getResource("migrations").toString().startsWith("jar:"));
            List<MigrationFile> fromJar = MigrationFiles.shipped(loader);
            List<MigrationFile> again = MigrationFiles.shipped(loader);

            assertEquals(Schema.shipped().files(), fromJar);
            assertEquals(fromJar, again, "the jar's file system is closed after each listing and opens again");
        }
    }

    @Test
    void theChecksumIsTheSameWithCrlfOrLfLineEndings() throws IOException {
        String lf = new String(shippedBytes(METADATA), StandardCharsets.UTF_8).replace("\r\n", "\n");
        String crlf = lf.replace("\n", "\r\n");

        long checksum = parse(METADATA, lf).checksum();

        assertEquals(checksum, parse(METADATA, crlf).checksum());
        assertEquals(checksum, Schema.shipped().files().get(1).checksum());
        assertTrue(
                checksum != parse(METADATA, lf.replace("the union", "la unión")).checksum(), "an edit shows");
    }

    @Test
    void aFileWithoutDescriptionTakesItFromItsName() {
        MigrationFile file = parse("V4_0_3__operaciones_ndt.json", ONE_COLUMN);

        assertEquals(Version.parse("4.0.3"), file.version());
        assertEquals("operaciones ndt", file.description());
        assertEquals("V4_0_3__operaciones_ndt.json", file.script());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "V4_0_3_operaciones.json",
                "v4_0_3__operaciones.json",
                "V4_0_3__operaciones.yaml",
                "4_0_3__operaciones.json",
                "V4_0_3__.json",
            })
    void badFileNamesAreRefusedNamingTheFile(String name) {
        String message = refusal(name, ONE_COLUMN);

        assertTrue(message.contains("'" + name + "'") && message.contains("V<version>__<description>.json"), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // text | the field the message names | what it says
                "{\"sheets\": [], \"author\": \"x\"}                                                         | author | is not a field here",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"columns\": []}]}                               | sheets[0].columns | is not a field here",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"A\", \"type\": \"integer\", \"width\": 3}]}]} | sheets[0].addColumns[0].width | is not a field here",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"A\", \"type\": \"text\"}]}]} | sheets[0].addColumns[0].type | is 'text'",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"type\": \"integer\"}]}]}     | sheets[0].addColumns[0].header | is missing",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"A\", \"type\": \"integer\", \"default\": \"0\"}]}]} | sheets[0].addColumns[0].default | must be a whole number",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"A\", \"type\": \"integer\", \"default\": 0.5}]}]} | sheets[0].addColumns[0].default | must be a whole number",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"A\", \"type\": \"integer\", \"column\": 0}]}]} | sheets[0].addColumns[0].column | must be a whole number from 1",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": \"\", \"type\": \"integer\"}]}]} | sheets[0].addColumns[0].header | must be a non-empty text",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"addColumns\": [{\"header\": 7, \"type\": \"integer\"}]}]} | sheets[0].addColumns[0].header | must be a non-empty text",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"requires\": \"OT\"}]}                            | sheets[0].requires | must be a list of headers",
                "{\"sheets\": [{\"sheet\": \"Operaciones\", \"requires\": [\"OT\", 3]}]}                       | sheets[0].requires | must hold only non-empty texts",
                "{\"sheets\": [{\"requires\": [\"OT\"]}]}                                                    | sheets[0].sheet | is missing",
                "{\"sheets\": {\"sheet\": \"Operaciones\"}}                                                   | sheets | must be a list",
                "{\"sheets\": [\"Operaciones\"]}                                                             | sheets | must hold only JSON objects",
                "{\"sheets\": [{\"sheet\": \"Operaciones\"}]}                                                 | sheets[0] | names neither",
                "{\"metrics\": {\"diameter\": \"DN_UNION\", \"armDone\": \"A\", \"soldDone\": \"S\"}}           | metrics.join | is missing",
                "{\"metrics\": {\"join\": {\"spools\": \"OT\"}, \"diameter\": \"D\", \"armDone\": \"A\", \"soldDone\": \"S\"}} | metrics.join.unions | is missing",
                "{\"metrics\": []}                                                                          | metrics | must be a JSON object",
            })
    void unknownOrMistypedFieldsAreRefusedNamingTheFileAndTheField(String text, String field, String what) {
        String message = refusal("V4_0_3__bad.json", text);

        assertTrue(message.startsWith("V4_0_3__bad.json: " + field + " " + what), message);
    }

    @Test
    void aFileThatIsNotOneJsonObjectOrDeclaresNothingIsRefused() {
        assertTrue(refusal("V4_0_3__bad.json", "{\"sheets\": [").startsWith("V4_0_3__bad.json is not valid JSON"));
        assertTrue(
                refusal("V4_0_3__bad.json", "[]").startsWith("V4_0_3__bad.json: the file must hold one JSON object"));
        assertTrue(refusal("V4_0_3__bad.json", "{\"description\": \"nothing\"}")
                .startsWith("V4_0_3__bad.json declares nothing"));
    }

    @Test
    void twoFilesOfOneVersionAreRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V4_0_3__ndt.json"), ONE_COLUMN);
        Files.writeString(dir.resolve("V4_0_3_0__other.json"), ONE_COLUMN.replace("Pulgadas_NDT", "Otra"));

        String message = assertThrows(MigrationFiles.Invalid.class, () -> MigrationFiles.from(dir))
                .getMessage();

        assertTrue(
                message.contains("V4_0_3__ndt.json")
                        && message.contains("V4_0_3_0__other.json")
                        && message.contains("same version"),
                message);
    }

    @Test
    void aColumnAddedByTwoFilesIsRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V4_0_3__ndt.json"), ONE_COLUMN);
        Files.writeString(dir.resolve("V4_0_4__ndt_again.json"), ONE_COLUMN.replace("Pulgadas_NDT", "pulgadas ndt"));

        String message = assertThrows(MigrationFiles.Invalid.class, () -> MigrationFiles.from(dir))
                .getMessage();

        assertTrue(
                message.startsWith("V4_0_4__ndt_again.json adds 'pulgadas ndt' to sheet 'Operaciones'")
                        && message.contains("V4_0_3__ndt.json already adds"),
                message);
    }

    @Test
    void anEmptyDirectoryOrAStrayFileIsRefused(@TempDir Path dir) throws IOException {
        String empty = assertThrows(MigrationFiles.Invalid.class, () -> MigrationFiles.from(dir))
                .getMessage();
        assertTrue(empty.contains(dir.toString()) && empty.contains("holds no V<version>"), empty);

        Files.writeString(dir.resolve("V4_0_3__ndt.json"), ONE_COLUMN);
        Files.writeString(dir.resolve("README.md"), "notes");
        String stray = assertThrows(MigrationFiles.Invalid.class, () -> MigrationFiles.from(dir))
                .getMessage();
        assertTrue(stray.startsWith("'README.md' is not a migration file name"), stray);
    }

    @Test
    void filesAreOrderedByVersionNumberNotByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V4_0_10__later.json"), ONE_COLUMN);
        Files.writeString(dir.resolve("V4_0_9__earlier.json"), ONE_COLUMN.replace("Pulgadas_NDT", "Otra"));

        assertEquals(
                List.of("4.0.9", "4.0.10"),
                MigrationFiles.from(dir).stream()
                        .map(f -> f.version().toString())
                        .toList());
    }
}
