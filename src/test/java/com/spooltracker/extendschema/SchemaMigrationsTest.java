package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.changedCells;
import static com.spooltracker.extendschema.testing.Dumps.dataRows;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.historyVersions;
import static com.spooltracker.extendschema.testing.Dumps.isEmpty;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static com.spooltracker.extendschema.testing.Dumps.withoutHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.migrations.MigrationFiles;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema as data: the shipped migration files take a v3.0 tracker to v4.0 (Operaciones and
 * Metadata) in one POST; the schema history records them; validate and info read them; a file added
 * beside them is applied; a tracker migrated another way is baselined.
 */
class SchemaMigrationsTest {
    private static final List<String> SHIPPED =
            List.of("V4_0_1__operaciones_metrics.json", "V4_0_2__metadata_n_union.json");
    private static final int N_UNION = 10;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    @Test
    void onePostMakesAV3TrackerAValidV4TrackerAndTheNextPostIsOneRead() {
        JsonObject before = fixture.emulator().dump("demo");
        JsonObject metadataBefore = sheet(before, "Metadata");

        Response migrated = fixture.function().post("");

        assertEquals(200, migrated.status(), migrated::toString);
        assertEquals(List.of("applied", "applied"), statuses(migrated.json()));
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(
                ExtendSchemaFunctionTest.V4_HEADERS,
                header(sheet(after, "Operaciones")).subList(67, 72));
        JsonObject metadata = sheet(after, "Metadata");
        List<String> metadataHeader = header(metadata);
        assertEquals(DemoSpreadsheet.METADATA_HEADERS, metadataHeader.subList(0, N_UNION));
        assertEquals("N_UNION", metadataHeader.get(N_UNION), "column 11, right after Metadata_JSON");
        for (int row = 1; row < rows(metadataBefore).size(); row++) {
            assertTrue(isEmpty(cell(metadata, row, N_UNION)), "an existing event keeps an empty N_UNION, row " + row);
            for (int column = 0; column < N_UNION; column++) {
                assertEquals(cell(metadataBefore, row, column), cell(metadata, row, column), "event cells stay");
            }
        }
        assertEquals(Set.of("4.0.1", "4.0.2"), historyVersions(after));

        Response info = fixture.function().get("info=true");
        assertEquals(200, info.status(), info::toString);
        for (JsonElement migration : info.json().getAsJsonArray("migrations")) {
            JsonObject entry = migration.getAsJsonObject();
            assertEquals("APPLIED", entry.get("status").getAsString(), entry::toString);
            assertTrue(entry.getAsJsonObject("applied")
                    .get("installedOn")
                    .getAsString()
                    .startsWith("20"));
            assertEquals(
                    entry.get("checksum").getAsLong(),
                    entry.getAsJsonObject("applied").get("checksum").getAsLong());
        }

        fixture.emulator().resetCounters();
        Response second = fixture.function().post("");

        assertEquals("UP_TO_DATE", second.json().get("status").getAsString(), second::toString);
        assertEquals(List.of("done", "done"), statuses(second.json()));
        assertEquals(
                1, fixture.emulator().counters().reads(), fixture.emulator().counters()::toString);
        assertEquals(0, fixture.emulator().counters().writes());
    }

    @Test
    void aDryRunListsTheOtherSheetsChangesAndTheHistoryInTheOneStructuralUpdateAnApplySends() {
        Response dryRun = fixture.function().post("dryRun=true");

        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals(List.of("wouldApply", "wouldApply"), statuses(dryRun.json()));
        JsonArray requests = dryRun.json().getAsJsonArray("requests");
        JsonObject structural = requests.get(0).getAsJsonObject();
        assertEquals("spreadsheets.batchUpdate", structural.get("method").getAsString());
        String changes = structural.getAsJsonArray("changes").toString();
        assertTrue(changes.contains("grid of 'Metadata': 10 → 11 columns"), changes);
        assertTrue(changes.contains("'Metadata'!K1:K1 ← N_UNION"), changes);
        assertTrue(
                changes.contains("schema history ← 4.0.1 APPLIED")
                        && changes.contains("schema history ← 4.0.2 APPLIED"),
                changes);
        fixture.emulator().resetCounters();

        fixture.functionWith(Map.of("AUDIT_SHEET", "")).post("");

        assertEquals(
                requests.size(),
                fixture.emulator().counters().calls("spreadsheets.batchUpdate")
                        + fixture.emulator().counters().calls("values.batchUpdate"),
                "the apply sends what the dry run listed");
    }

    @Test
    void validateOfAV3TrackerNamesWhatIsMissingAndPendingAndWritesNothing() {
        JsonObject before = fixture.emulator().dump("demo");

        Response validate = fixture.function().get("validate=true");

        assertEquals(409, validate.status(), validate::toString);
        assertEquals(false, validate.json().get("valid").getAsBoolean());
        Set<String> kinds = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (JsonElement finding : validate.json().getAsJsonArray("findings")) {
            kinds.add(finding.getAsJsonObject().get("kind").getAsString());
            messages.add(finding.getAsJsonObject().get("message").getAsString());
        }
        assertTrue(kinds.containsAll(Set.of("MISSING_HEADER", "PENDING_MIGRATION")), kinds::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'Metadata' lacks N_UNION")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("Total_Uniones")), messages::toString);
        assertEquals(before, fixture.emulator().dump("demo"));
        assertEquals(0, fixture.emulator().counters().writes());
        assertEquals(
                3,
                fixture.emulator().counters().reads(),
                "sheets and history, the header rows, Metadata's event type and author columns");
    }

    @Test
    void afterMigratingValidateIsValidUntilARowAnEarlierVersionWroteIsInMetadataWhichItNamesAndKeeps() {
        fixture.function().post("");
        Response valid = fixture.function().get("validate=true");
        assertEquals(200, valid.status(), valid::toString);
        assertEquals(true, valid.json().get("valid").getAsBoolean(), valid::toString);

        JsonObject seeded = fixture.emulator().dump("demo");
        JsonArray metadataRows = rows(sheet(seeded, "Metadata"));
        JsonArray legacy = new JsonArray();
        for (Object cell : List.of(
                "0b7c",
                "2026-03-01T10:00:00Z",
                "SCHEMA_MIGRATION",
                "",
                "",
                "extendSchema",
                "EXTEND_SCHEMA",
                "ADD_COLUMNS",
                "2026-03-01",
                "{}")) {
            legacy.add(new JsonPrimitive(cell.toString()));
        }
        metadataRows.add(legacy);
        int legacyRow = metadataRows.size();
        fixture.emulator().seed(seeded);
        // As the sheet holds it (a seed's "" is an empty cell).
        JsonElement held =
                rows(sheet(fixture.emulator().dump("demo"), "Metadata")).get(legacyRow - 1);

        Response invalid = fixture.function().get("validate=true");
        fixture.function().post("");

        assertEquals(409, invalid.status(), invalid::toString);
        JsonObject finding = invalid.json().getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("LEGACY_AUDIT_ROWS", finding.get("kind").getAsString(), invalid::toString);
        assertTrue(finding.get("message").getAsString().contains("row " + legacyRow), finding::toString);
        assertEquals(
                held,
                rows(sheet(fixture.emulator().dump("demo"), "Metadata")).get(legacyRow - 1),
                "never deleted silently");
    }

    @Test
    void aTrackerMigratedWithoutHistoryIsBaselinedNotMigratedTwice() {
        fixture.function().post("");
        JsonObject byHand = withoutHistory(fixture.emulator().dump("demo"));
        fixture.emulator().seed(byHand);
        fixture.emulator().resetCounters();

        Response baseline = fixture.functionWith(Map.of("AUDIT_SHEET", "")).post("");

        assertEquals(200, baseline.status(), baseline::toString);
        assertEquals(List.of("baselined", "baselined"), statuses(baseline.json()));
        assertEquals(3, fixture.emulator().counters().reads(), "Operaciones, Metadata, Operaciones again");
        assertEquals(1, fixture.emulator().counters().writes(), "the history entries, in one update");
        assertEquals(0, baseline.json().get("cellsInitialized").getAsInt());
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(sheet(byHand, "Operaciones"), sheet(after, "Operaciones"), "not migrated twice");
        assertEquals(header(sheet(byHand, "Metadata")), header(sheet(after, "Metadata")));
        assertEquals(0, changedCells(byHand, after));
        assertEquals(Set.of("4.0.1", "4.0.2"), historyVersions(after));
        Response info = fixture.function().get("info=true");
        for (JsonElement migration : info.json().getAsJsonArray("migrations")) {
            assertEquals("BASELINE", migration.getAsJsonObject().get("status").getAsString(), info::toString);
        }

        fixture.emulator().resetCounters();
        Response next = fixture.function().post("");
        assertEquals("UP_TO_DATE", next.json().get("status").getAsString(), next::toString);
        assertEquals(1, fixture.emulator().counters().reads());
        assertEquals(0, fixture.emulator().counters().writes());
    }

    @Test
    void aFileAddedBesideTheShippedOnesIsAppliedAndEditingAnAppliedFileFailsValidate(@TempDir Path dir)
            throws IOException {
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        copyShipped(migrations);
        Files.writeString(migrations.resolve("V4_0_3__operaciones_ndt.json"), """
                {"description": "Operaciones: the inches inspected",
                 "sheets": [{"sheet": "Operaciones",
                             "addColumns": [{"header": "Pulgadas_NDT", "type": "decimal", "default": 0}]}]}
                """);
        FunctionServer withSixth = fixture.functionWith(Map.of("MIGRATIONS_DIR", migrations.toString()));
        List<Integer> spools = dataRows(sheet(fixture.emulator().dump("demo"), "Operaciones"), 0);

        Response applied = withSixth.post("");

        assertEquals(200, applied.status(), applied::toString);
        assertEquals(List.of("applied", "applied", "applied"), statuses(applied.json()));
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals("Pulgadas_NDT", header(operaciones).get(72), "column 73, after the five metrics");
        for (int row : spools) {
            assertEquals(0, cell(operaciones, row, 72).getAsInt(), "row " + (row + 1));
        }
        assertEquals(
                Set.of("4.0.1", "4.0.2", "4.0.3"),
                historyVersions(fixture.emulator().dump("demo")));

        Path edited = Files.createDirectory(dir.resolve("edited"));
        for (Path file : Files.list(migrations).toList()) {
            Files.copy(file, edited.resolve(file.getFileName()));
        }
        Path first = edited.resolve(SHIPPED.get(0));
        Files.writeString(first, Files.readString(first).replace("computed per OT", "computed per OT (edited)"));

        Response validate = fixture.functionWith(Map.of("MIGRATIONS_DIR", edited.toString()))
                .get("validate=true");

        assertEquals(409, validate.status(), validate::toString);
        JsonArray findings = validate.json().getAsJsonArray("findings");
        assertTrue(
                findings.toString().contains("CHECKSUM_MISMATCH")
                        && findings.toString().contains("4.0.1"),
                findings::toString);
    }

    @Test
    void aMigrationFileWithAMistakeStopsTheFunctionWithAMessageNamingTheFileAndTheField(@TempDir Path dir)
            throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("V4_0_3__operaciones_ndt.json"), """
                {"sheets": [{"sheet": "Operaciones",
                             "addColumns": [{"header": "Pulgadas_NDT", "type": "decimel", "default": 0}]}]}
                """);
        JsonObject before = fixture.emulator().dump("demo");

        Response response =
                fixture.functionWith(Map.of("MIGRATIONS_DIR", dir.toString())).post("");

        assertEquals(503, response.status(), response::toString);
        assertEquals("NOT_CONFIGURED", response.errorStatus());
        assertTrue(
                response.body().contains("V4_0_3__operaciones_ndt.json")
                        && response.body().contains("addColumns[0].type")
                        && response.body().contains("decimel"),
                response::toString);
        assertEquals(before, fixture.emulator().dump("demo"));
    }

    @Test
    void aTrackerThatRelatesUnionsBySpoolDeclaresItInAFileAndEachSpoolGetsItsOwnUnions(@TempDir Path dir)
            throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("V4_1__metrics_by_tag_spool.json"), """
                {"description": "The metrics per spool: Uniones relate to Operaciones by TAG_SPOOL",
                 "metrics": {"join": {"spools": "TAG_SPOOL", "unions": "TAG_SPOOL"}, "diameter": "DN_UNION",
                             "armDone": "ARM_FECHA_FIN", "soldDone": "SOL_FECHA_FIN"}}
                """);

        Response response =
                fixture.functionWith(Map.of("MIGRATIONS_DIR", dir.toString())).post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject after = fixture.emulator().dump("demo");
        JsonObject operaciones = sheet(after, "Operaciones");
        JsonObject uniones = sheet(after, "Uniones");
        List<String> opHeader = header(operaciones);
        List<String> unHeader = header(uniones);
        int tag = opHeader.indexOf("TAG_SPOOL");
        int ot = opHeader.indexOf("OT");
        int total = opHeader.indexOf("Total_Uniones");
        int unionTag = unHeader.indexOf("TAG_SPOOL");
        int unionOt = unHeader.indexOf("OT");
        int checked = 0;
        int differFromPerOt = 0;
        for (int row : dataRows(operaciones, tag)) {
            String spool = cell(operaciones, row, tag).getAsString().strip();
            String spoolOt = cell(operaciones, row, ot).toString();
            int bySpool = 0;
            int byOt = 0;
            for (int u = 1; u < rows(uniones).size(); u++) {
                JsonElement unionSpool = cell(uniones, u, unionTag);
                if (!isEmpty(unionSpool) && unionSpool.getAsString().strip().equals(spool)) {
                    bySpool++;
                }
                if (cell(uniones, u, unionOt).toString().equals(spoolOt)) {
                    byOt++;
                }
            }
            assertEquals(bySpool, cell(operaciones, row, total).getAsInt(), "Total_Uniones of " + spool);
            checked++;
            if (bySpool != byOt) {
                differFromPerOt++;
            }
        }
        assertTrue(checked > 100, "spools checked: " + checked);
        assertTrue(differFromPerOt > 0, "spools sharing an OT get their own unions, not the OT's");
    }

    @Test
    void columnsAfterMetadataJsonRefuseTheMigrationAndNothingIsWritten() {
        JsonObject seeded = fixture.emulator().dump("demo");
        sheet(seeded, "Metadata").addProperty("columnCount", 26);
        rows(sheet(seeded, "Metadata")).get(0).getAsJsonArray().add(new JsonPrimitive("Notas"));
        fixture.emulator().seed(seeded);

        Response refused = fixture.function().post("");

        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.body().contains("N_UNION") && refused.body().contains("Notas"), refused::toString);
        assertEquals(seeded, fixture.emulator().dump("demo"));
        assertEquals(0, fixture.emulator().counters().writes());
    }

    @Test
    void withoutAMetadataSheetOperacionesIsMigratedAndTheMetadataMigrationStaysPending() {
        fixture.emulator().seed(without(fixture.emulator().dump("demo"), "Metadata"));

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals(List.of("applied", "blocked"), statuses(response.json()));
        assertTrue(response.json().get("message").getAsString().contains("no sheet 'Metadata'"), response::toString);
        assertEquals(Set.of("4.0.1"), historyVersions(fixture.emulator().dump("demo")));
        Response validate = fixture.function().get("validate=true");
        assertEquals(409, validate.status());
        assertTrue(validate.body().contains("MISSING_SHEET"), validate::toString);
    }

    private static List<String> statuses(JsonObject report) {
        List<String> statuses = new ArrayList<>();
        for (JsonElement migration : report.getAsJsonArray("migrations")) {
            statuses.add(migration.getAsJsonObject().get("status").getAsString());
        }
        return statuses;
    }

    private static void copyShipped(Path directory) throws IOException {
        for (String name : SHIPPED) {
            try (InputStream in = SchemaMigrationsTest.class
                    .getClassLoader()
                    .getResourceAsStream(MigrationFiles.RESOURCE_DIRECTORY + "/" + name)) {
                Files.writeString(directory.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
