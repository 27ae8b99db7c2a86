package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh on a sheet that a person edits while it runs: each edit lands between two of the run's
 * Sheets calls, through the emulator's call hook, exactly where the issue found damage. The demo is
 * migrated and filled first; then the metric cells of rows 2–41 are set wrong, so the run under test
 * writes 40 rows.
 */
class LiveSheetEditsTest {
    private static final String ID = "demo";
    private static final int TOTAL_UNIONES = 67;
    private static final int ESTADO_DETALLE = 66;
    private static final int WRONG_ROWS = 40;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet(ID);

    private SheetsEmulator emulator;

    @BeforeEach
    void migratedDemoWithFortyWrongRows() {
        emulator = fixture.emulator();
        emulator.seed(DemoSpreadsheet.seed());
        Response first = fixture.function().post("refreshMetrics=true");
        assertEquals(200, first.status(), first::toString);
        List<List<Object>> wrong = new ArrayList<>();
        for (int r = 0; r < WRONG_ROWS; r++) {
            wrong.add(List.of(999, 999, 999, 999, 999));
        }
        emulator.setValues(ID, "Operaciones!BP2:BT" + (WRONG_ROWS + 1), wrong, false);
        emulator.resetCounters();
    }

    @Test
    void aColumnInsertedBeforeTheMetricColumnsInTheInstantOfTheWriteChangesNoOtherColumn() {
        JsonObject before = operaciones();
        beforeFirst(isMetricWrite(), () -> insert("COLUMNS", 10));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject after = operaciones();
        assertEquals("", header(after).get(10), "the inserted column");
        for (int r = 0; r < rows(before).size(); r++) {
            for (int c = 0; c <= ESTADO_DETALLE; c++) {
                JsonElement was = cell(before, r, c);
                JsonElement now = cell(after, r, c < 10 ? c : c + 1);
                String where = "row " + (r + 1) + ", column " + header(before).get(c);
                if (isFormula(was)) {
                    // Google rewrites a formula's references when a column is inserted before them.
                    assertTrue(isFormula(now), where + ": " + now);
                } else {
                    assertEquals(was, now, where);
                }
            }
        }
        assertMetricsRight();
    }

    @Test
    void aRowDeletedInTheInstantOfTheWriteIsRepairedBeforeTheAnswerAndLeavesNoMetricWithoutAKey() {
        beforeFirst(isMetricWrite(), () -> delete("ROWS", 5));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertMetricsRight();
        JsonObject sheet = operaciones();
        for (int r = 1; r < rows(sheet).size(); r++) {
            if (Dumps.isEmpty(cell(sheet, r, 0))) {
                for (int m = 0; m < 5; m++) {
                    assertTrue(Dumps.isEmpty(cell(sheet, r, TOTAL_UNIONES + m)), "a metric in keyless row " + (r + 1));
                }
            }
        }
        JsonObject metrics = response.json().getAsJsonObject("metrics");
        assertEquals(1, metrics.get("repairRounds").getAsInt(), metrics::toString);
    }

    @Test
    void aRowInsertedAboveAMetricFormulaInTheInstantOfTheWriteIsNamedWithTheFormulasText() {
        emulator.setValues(ID, "Operaciones!BP20", List.of(List.of("=1+1")), true);
        beforeFirst(isMetricWrite(), () -> insert("ROWS", 10));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonArray warnings = response.json().getAsJsonObject("metrics").getAsJsonArray("warnings");
        assertTrue(
                warnings.toString().contains("Operaciones!BP21")
                        && warnings.toString().contains("=1+1"),
                warnings::toString);
        assertMetricsRight();
    }

    @Test
    void aFormulaTypedJustBeforeTheRefreshReadsIsLeftAlone() {
        beforeFirst(
                call -> call.equals("values.batchGet"),
                () -> emulator.setValues(ID, "Operaciones!BQ10", List.of(List.of("=2+3")), true));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertEquals(
                JsonParser.parseString("\"=2+3\""),
                cell(operaciones(), 9, TOTAL_UNIONES + 1),
                "the formula the person typed");
    }

    @Test
    void aMetricHeaderRenamedJustBeforeTheRefreshReadsGetsNoMetricWritten() {
        JsonObject before = operaciones();
        beforeFirst(
                call -> call.equals("values.batchGet"),
                () -> emulator.setValues(ID, "Operaciones!BQ1", List.of(List.of("Notas")), false));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertColumnUnchangedBelowHeader(before, operaciones(), TOTAL_UNIONES + 1);
    }

    @Test
    void aMetricHeaderRenamedInTheInstantOfTheWriteGetsItsCellsPutBack() {
        JsonObject before = operaciones();
        beforeFirst(isMetricWrite(), () -> emulator.setValues(ID, "Operaciones!BQ1", List.of(List.of("Notas")), false));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertColumnUnchangedBelowHeader(before, operaciones(), TOTAL_UNIONES + 1);
        String warnings = response.json()
                .getAsJsonObject("metrics")
                .getAsJsonArray("warnings")
                .toString();
        assertTrue(warnings.contains("renamed"), warnings);
    }

    @Test
    void aStillSheetPaysOneVerificationReadAfterItsWriteAndARunWithNothingToWritePaysNothing() {
        Response wrote = fixture.function().post("refreshMetrics=true");

        assertEquals(200, wrote.status(), wrote::toString);
        assertEquals(3, emulator.counters().reads(), emulator.counters()::toString);
        assertEquals(1, emulator.counters().calls("values.batchUpdateByDataFilter"), emulator.counters()::toString);
        assertEquals(
                0, wrote.json().getAsJsonObject("metrics").get("repairRounds").getAsInt());
        emulator.resetCounters();

        Response idle = fixture.function().post("refreshMetrics=true");

        assertEquals(
                "UP_TO_DATE",
                idle.json().getAsJsonObject("metrics").get("status").getAsString());
        assertEquals(2, emulator.counters().reads(), emulator.counters()::toString);
        assertEquals(0, emulator.counters().writes(), emulator.counters()::toString);
    }

    @Test
    void aColdInstanceThatWritesReportsTheDriftItFoundAndNeedsNoRepair() {
        ColumnMapCache.shared().invalidateAll();

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject metrics = response.json().getAsJsonObject("metrics");
        assertEquals(0, metrics.get("repairRounds").getAsInt(), metrics::toString);
        assertEquals(
                WRONG_ROWS,
                metrics.getAsJsonObject("byColumn").get("Total_Uniones").getAsInt(),
                metrics::toString);
        assertEquals(
                1,
                emulator.counters().calls("spreadsheets.getByDataFilter"),
                "the grid read, by the tracker's layout and the marks: " + emulator.counters());
        assertEquals(
                1,
                emulator.counters().calls("spreadsheets.get"),
                "the verification read, though it covers other columns: " + emulator.counters());
        assertMetricsRight();
    }

    private static boolean isFormula(JsonElement cell) {
        return cell.isJsonPrimitive() && cell.getAsString().startsWith("=");
    }

    private static Predicate<String> isMetricWrite() {
        return call -> call.equals("values.batchUpdate") || call.equals("values.batchUpdateByDataFilter");
    }

    /** Runs {@code edit} once, as a person, just before the first call the run makes that {@code which} picks. */
    private void beforeFirst(Predicate<String> which, Runnable edit) {
        AtomicBoolean done = new AtomicBoolean();
        emulator.onCall(call -> {
            if (which.test(call.endpoint()) && done.compareAndSet(false, true)) {
                edit.run();
            }
        });
    }

    private void insert(String dimension, int index) {
        emulator.edit(ID, dimensionRequest("insertDimension", dimension, index));
    }

    private void delete(String dimension, int index) {
        emulator.edit(ID, dimensionRequest("deleteDimension", dimension, index));
    }

    private static JsonArray dimensionRequest(String kind, String dimension, int index) {
        return JsonParser.parseString("[{\"" + kind + "\": {\"range\": {\"sheetId\": 0, \"dimension\": \"" + dimension
                        + "\", \"startIndex\": " + index + ", \"endIndex\": " + (index + 1) + "}}}]")
                .getAsJsonArray();
    }

    private JsonObject operaciones() {
        return sheet(emulator.dump(ID), "Operaciones");
    }

    private void assertMetricsRight() {
        JsonObject dump = emulator.dump(ID);
        JsonObject sheet = sheet(dump, "Operaciones");
        int first = header(sheet).indexOf("Total_Uniones");
        for (ExpectedMetrics.Row row : ExpectedMetrics.of(sheet, sheet(dump, "Uniones"), "TAG_SPOOL")) {
            for (int m = 0; m < 5; m++) {
                JsonElement actual = cell(sheet, row.row(), first + m);
                if (actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isString()) {
                    continue; // a formula or text, left alone
                }
                assertEquals(
                        0,
                        row.values().get(m).compareTo(new BigDecimal(actual.getAsString())),
                        row.tag() + " " + header(sheet).get(first + m) + ": " + actual);
            }
        }
    }

    private static void assertColumnUnchangedBelowHeader(JsonObject before, JsonObject after, int column) {
        for (int r = 1; r < rows(before).size(); r++) {
            assertEquals(cell(before, r, column), cell(after, r, column), "row " + (r + 1));
        }
    }
}
