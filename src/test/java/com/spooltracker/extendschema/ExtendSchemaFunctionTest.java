package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.AUDIT;
import static com.spooltracker.extendschema.testing.Dumps.AUDIT_HEADER;
import static com.spooltracker.extendschema.testing.Dumps.auditRows;
import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.columnsUpTo;
import static com.spooltracker.extendschema.testing.Dumps.dataRows;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.isEmpty;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.withAuditSheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The function end to end: invoker over HTTP → function → real Sheets client over HTTP → fixture.emulator(). */
class ExtendSchemaFunctionTest {
    static final List<String> V4_HEADERS = List.of(
            "Total_Uniones", "Uniones_ARM_Completadas", "Uniones_SOLD_Completadas", "Pulgadas_ARM", "Pulgadas_SOLD");

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    @Test
    void dryRunOnTheDemoSheetSaysFiveColumnsWouldBeAddedAndWritesNothing() {
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("dryRun=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject report = response.json();
        assertEquals("DRY_RUN", report.get("status").getAsString());
        assertTrue(report.get("dryRun").getAsBoolean());
        assertTrue(
                report.get("message").getAsString().contains("5 columns would be added"),
                report.get("message").getAsString());
        assertEquals(5, report.getAsJsonArray("added").size());
        assertEquals(
                "BP",
                report.getAsJsonArray("added")
                        .get(0)
                        .getAsJsonObject()
                        .get("letter")
                        .getAsString());
        assertEquals(
                68,
                report.getAsJsonArray("added")
                        .get(0)
                        .getAsJsonObject()
                        .get("column")
                        .getAsInt());
        assertEquals(2, report.getAsJsonArray("requests").size());
        assertEquals(
                "spreadsheets.batchUpdate",
                report.getAsJsonArray("requests")
                        .get(0)
                        .getAsJsonObject()
                        .get("method")
                        .getAsString());
        assertEquals(before, fixture.emulator().dump("demo"));
        assertEquals(0, fixture.emulator().counters().writes());
        // Operaciones with the history, Metadata (its version is pending), Operaciones again, and the sheet
        // sizes (the grid grows).
        assertTrue(
                fixture.emulator().counters().reads() <= 4, fixture.emulator().counters()::toString);
        assertEquals(
                fixture.emulator().counters().reads(),
                report.getAsJsonObject("apiCalls").get("reads").getAsInt());
    }

    @Test
    void getIsADryRunToo() {
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().get("");

        assertEquals(200, response.status(), response::toString);
        assertEquals("DRY_RUN", response.json().get("status").getAsString());
        assertEquals(before, fixture.emulator().dump("demo"));
    }

    @Test
    void dryRunRequestsAreExactlyWhatTheApplySends() {
        // The audit sheet's creation, once per spreadsheet, is no part of the plan.
        fixture.emulator().seed(withAuditSheet(fixture.emulator().dump("demo")));
        JsonArray planned = fixture.function().post("dryRun=true").json().getAsJsonArray("requests");
        fixture.emulator().resetCounters();

        fixture.function().post("");

        assertEquals(planned.size() + 1, fixture.emulator().counters().writes(), "planned requests + the audit append");
        assertEquals(1, fixture.emulator().counters().calls("spreadsheets.batchUpdate"));
        assertEquals(1, fixture.emulator().counters().calls("values.batchUpdate"));
    }

    @Test
    void applyAddsTheFiveColumnsAt68To72WithDefaultsInEveryDataRowAndLeavesColumns1To67Untouched() {
        JsonObject before = fixture.emulator().dump("demo");
        JsonObject operacionesBefore = sheet(before, "Operaciones");
        List<Integer> spoolRows = dataRows(operacionesBefore, 0);

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject report = response.json();
        assertEquals("APPLIED", report.get("status").getAsString());
        assertEquals(spoolRows.size() * 5, report.get("cellsInitialized").getAsInt());
        assertEquals(72, report.getAsJsonObject("gridColumns").get("after").getAsInt());

        JsonObject after = fixture.emulator().dump("demo");
        JsonObject operaciones = sheet(after, "Operaciones");
        assertEquals(72, operaciones.get("columnCount").getAsInt());
        assertEquals(operacionesBefore.get("rowCount"), operaciones.get("rowCount"));
        assertEquals(V4_HEADERS, header(operaciones).subList(67, 72));
        for (int row = 1; row < operacionesBefore.get("rowCount").getAsInt(); row++) {
            for (int column = 67; column < 72; column++) {
                JsonElement value = cell(operaciones, row, column);
                if (spoolRows.contains(row)) {
                    assertEquals(0, value.getAsInt(), "row " + (row + 1) + " column " + (column + 1));
                } else {
                    assertTrue(isEmpty(value), "blank row " + (row + 1) + " got " + value);
                }
            }
        }
        assertEquals(columnsUpTo(operacionesBefore, 67), columnsUpTo(operaciones, 67));
        assertEquals(
                Dumps.withoutNUnion(without(without(before, "Operaciones"), AUDIT)),
                Dumps.withoutNUnion(without(without(after, "Operaciones"), AUDIT)),
                "the other sheets, Metadata included, are untouched");

        ColumnMap v3 = ColumnMap.of(DemoSpreadsheet.OPERACIONES_HEADERS);
        ColumnMap v4 = ColumnMap.of(header(operaciones));
        for (String name : DemoSpreadsheet.OPERACIONES_HEADERS) {
            assertEquals(v3.indexOf(name), v4.indexOf(name), "v3.0 lookup of " + name);
        }
        assertEquals(67, v4.indexOf("total uniones").getAsInt());
    }

    @Test
    void applySetsIntegerAndDecimalNumberFormatsOnTheNewColumnsDataCells() {
        fixture.function().post("");

        JsonArray formats =
                sheet(fixture.emulator().dump("demo"), "Operaciones").getAsJsonArray("formats");
        for (String column : List.of("BP", "BQ", "BR")) {
            assertTrue(hasFormat(formats, column + "2:" + column + "1000", "NUMBER", "0"), formats::toString);
        }
        for (String column : List.of("BS", "BT")) {
            assertTrue(hasFormat(formats, column + "2:" + column + "1000", "NUMBER", "0.00"), formats::toString);
        }
    }

    @Test
    void freshMigrationOfBothSheetsOnAColdInstanceIsThreeReadsAndTwoWritesPlusTheAudit() {
        // A spreadsheet some earlier run already audited to: the steady state.
        fixture.emulator().seed(withAuditSheet(fixture.emulator().dump("demo")));
        fixture.emulator().resetCounters();

        fixture.function().post("");

        assertEquals(
                3,
                fixture.emulator().counters().reads(),
                "Operaciones with the history, Metadata (pending), Operaciones again (the last read before a write): "
                        + fixture.emulator().counters());
        assertEquals(
                3,
                fixture.emulator().counters().writes(),
                "grid+formats+N_UNION+history, values, audit: "
                        + fixture.emulator().counters());
    }

    @Test
    void theFirstRunThatWritesCreatesTheAuditSheetForTwoMoreWritesOnce() {
        Response migrated = fixture.function().post("");

        assertEquals(
                5,
                fixture.emulator().counters().writes(),
                "grid+formats, values, the append refused for want of the sheet, the sheet with its header, "
                        + "the audit append: " + fixture.emulator().counters());
        assertTrue(
                migrated.json()
                        .getAsJsonObject("audit")
                        .get("message")
                        .getAsString()
                        .contains("was created"),
                migrated::toString);
        fixture.emulator().resetCounters();

        Response refreshed = fixture.function().post("refreshMetrics=true");

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals(
                "WRITTEN",
                refreshed
                        .json()
                        .getAsJsonObject("metrics")
                        .getAsJsonObject("audit")
                        .get("outcome")
                        .getAsString(),
                refreshed::toString);
        assertTrue(
                fixture.emulator().requestLog().stream().noneMatch(r -> r.status() >= 400),
                "no append refused, no second creation: " + fixture.emulator().requestLog());
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(
                1,
                after.getAsJsonArray("sheets").asList().stream()
                        .filter(s ->
                                s.getAsJsonObject().get("title").getAsString().equalsIgnoreCase(AUDIT))
                        .count());
        assertEquals(AUDIT_HEADER, header(sheet(after, AUDIT)));
        assertEquals(2, auditRows(after).size());
    }

    @Test
    void aColdInstanceFindsAKeyColumnOutsideTheV3PlaceWithASecondRead() {
        JsonObject dump = fixture.emulator().dump("demo");
        JsonArray rows = rows(sheet(dump, "Operaciones"));
        for (JsonElement row : rows) {
            JsonArray cells = row.getAsJsonArray();
            JsonElement first = cells.get(0);
            cells.set(0, cells.get(6));
            cells.set(6, first);
        }
        fixture.emulator().seed(dump);
        fixture.emulator().resetCounters();

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals(
                4,
                fixture.emulator().counters().reads(),
                "Operaciones twice (its layout), Metadata, Operaciones again: "
                        + fixture.emulator().counters());
        assertEquals(
                dataRows(sheet(dump, "Operaciones"), 0).size() * 5,
                response.json().get("cellsInitialized").getAsInt());
    }

    @Test
    void applyRecordsOneAuditRowInItsOwnSheetAndNoneInTheTrackersMetadata() {
        JsonObject metadataBefore = sheet(fixture.emulator().dump("demo"), "Metadata");

        fixture.function().post("");

        JsonObject after = fixture.emulator().dump("demo");
        JsonArray metadataRows = rows(sheet(after, "Metadata"));
        assertEquals(rows(metadataBefore).size(), metadataRows.size(), "the tracker parses every row of Metadata");
        for (int row = 1; row < metadataRows.size(); row++) {
            assertEquals(rows(metadataBefore).get(row), metadataRows.get(row), "event row " + (row + 1));
        }
        JsonArray rows = auditRows(after);
        assertEquals(1, rows.size());
        JsonArray audit = rows.get(0).getAsJsonArray();
        assertTrue(audit.get(0).getAsString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), audit.toString());
        assertEquals("SCHEMA_MIGRATION", audit.get(1).getAsString());
        assertEquals("ADD_COLUMNS", audit.get(2).getAsString());
        assertTrue(isEmpty(audit.get(3)), "no identity against an emulator: " + audit);
        assertTrue(audit.get(4).getAsString().contains("\"Total_Uniones\""), audit.toString());
    }

    @Test
    void aFailedAuditWriteIsAWarningNotAFailure() {
        fixture.emulator().seed(withAuditSheet(fixture.emulator().dump("demo")));
        JsonObject auditBefore = sheet(fixture.emulator().dump("demo"), AUDIT);
        // A 400 says the append was refused; a 500 would leave it unknown (UpstreamMisbehaviourTest).
        fixture.emulator()
                .addFault(io.sheetsemulator.control.FaultRule.on("values.append")
                        .times(0)
                        .status(400));

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals("APPLIED", response.json().get("status").getAsString());
        assertEquals(
                "FAILED",
                response.json().getAsJsonObject("audit").get("outcome").getAsString());
        assertTrue(response.json().get("warning").getAsString().contains(AUDIT), response::toString);
        assertEquals(auditBefore, sheet(fixture.emulator().dump("demo"), AUDIT));
        assertEquals(
                V4_HEADERS,
                header(sheet(fixture.emulator().dump("demo"), "Operaciones")).subList(67, 72));
    }

    @Test
    void secondApplyIsUpToDateAndWritesNothing() {
        fixture.function().post("");
        JsonObject migrated = fixture.emulator().dump("demo");
        fixture.emulator().resetCounters();

        Response second = fixture.function().post("");

        assertEquals(200, second.status(), second::toString);
        assertEquals("UP_TO_DATE", second.json().get("status").getAsString());
        assertEquals(0, fixture.emulator().counters().writes());
        // Operaciones with the history, Metadata (its version is pending), Operaciones again, and the sheet
        // sizes (the grid grows).
        assertTrue(
                fixture.emulator().counters().reads() <= 4, fixture.emulator().counters()::toString);
        assertEquals(migrated, fixture.emulator().dump("demo"));
    }

    @Test
    void upToDateRunOnAWarmInstanceIsOneRead() {
        fixture.function().post(""); // the apply leaves the new layout in the cache
        fixture.emulator().resetCounters();

        Response response = fixture.function().post("");

        assertEquals("UP_TO_DATE", response.json().get("status").getAsString());
        assertEquals(
                1, fixture.emulator().counters().reads(), fixture.emulator().counters()::toString);
        assertEquals(0, fixture.emulator().counters().writes());
    }

    @Test
    void partialStateWithTwoOfFiveColumnsIsCompleted() {
        JsonObject seed = partiallyMigrated();
        fixture.emulator().seed(seed);
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject report = response.json();
        assertEquals(2, report.getAsJsonArray("present").size());
        assertEquals(3, report.getAsJsonArray("added").size());
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals(
                List.of(
                        "Total_Uniones",
                        "uniones arm completadas",
                        "Uniones_SOLD_Completadas",
                        "Pulgadas_ARM",
                        "Pulgadas_SOLD"),
                header(operaciones).subList(67, 72),
                "present headers are kept as written");
        assertEquals(72, operaciones.get("columnCount").getAsInt());
        assertEquals(7, cell(operaciones, 1, 67).getAsInt(), "a value already there is kept");
        assertEquals(2, cell(operaciones, 2, 68).getAsInt(), "a value already there is kept");
        for (int row : dataRows(operaciones, 0)) {
            for (int column = 67; column < 72; column++) {
                assertFalse(isEmpty(cell(operaciones, row, column)), "row " + (row + 1) + " column " + (column + 1));
            }
        }
        assertEquals(columnsUpTo(sheet(before, "Operaciones"), 67), columnsUpTo(operaciones, 67));
    }

    @Test
    void rowsAppendedAfterTheMigrationGetTheirDefaultsOnTheNextRun() {
        fixture.function().post("");
        JsonObject seed = fixture.emulator().dump("demo");
        JsonObject operaciones = sheet(seed, "Operaciones");
        int firstNew = rows(operaciones).size();
        for (int i = 0; i < 3; i++) {
            JsonArray row = new JsonArray();
            for (int c = 0; c < 6; c++) {
                row.add(c == 2 ? new com.google.gson.JsonPrimitive(2024) : com.google.gson.JsonNull.INSTANCE);
            }
            row.add("SP-NEW-" + i);
            rows(operaciones).add(row);
        }
        rows(operaciones).get(1).getAsJsonArray().set(70, new com.google.gson.JsonPrimitive(12.5));
        fixture.emulator().seed(seed);
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals(15, response.json().get("cellsInitialized").getAsInt());
        assertEquals(0, response.json().getAsJsonArray("added").size());
        JsonObject after = sheet(fixture.emulator().dump("demo"), "Operaciones");
        for (int row = firstNew; row < firstNew + 3; row++) {
            for (int column = 67; column < 72; column++) {
                assertEquals(0, cell(after, row, column).getAsInt());
            }
        }
        assertEquals(12.5, cell(after, 1, 70).getAsDouble(), "a value someone wrote is kept");
        assertEquals(
                columnsUpTo(sheet(before, "Operaciones"), 72).subList(0, firstNew),
                columnsUpTo(after, 72).subList(0, firstNew),
                "rows that had their metrics are untouched");
    }

    private static JsonObject partiallyMigrated() {
        JsonObject dump = fixture.emulator().dump("demo");
        JsonObject operaciones = sheet(dump, "Operaciones");
        operaciones.addProperty("columnCount", 69);
        JsonArray rows = rows(operaciones);
        set(rows, 0, 67, "Total_Uniones");
        set(rows, 0, 68, "uniones arm completadas");
        set(rows, 1, 67, 7);
        set(rows, 2, 68, 2);
        return dump;
    }

    static void set(JsonArray rows, int row, int column, Object value) {
        JsonArray cells = rows.get(row).getAsJsonArray();
        while (cells.size() <= column) {
            cells.add(com.google.gson.JsonNull.INSTANCE);
        }
        cells.set(
                column,
                value instanceof Number n
                        ? new com.google.gson.JsonPrimitive(n)
                        : new com.google.gson.JsonPrimitive(value.toString()));
    }

    private static boolean hasFormat(JsonArray formats, String range, String type, String pattern) {
        for (JsonElement format : formats) {
            JsonObject f = format.getAsJsonObject();
            if (f.get("range").getAsString().equals(range)
                    && f.get("type").getAsString().equals(type)
                    && f.get("pattern").getAsString().equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
