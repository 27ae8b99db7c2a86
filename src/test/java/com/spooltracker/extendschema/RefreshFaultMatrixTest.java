package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static com.spooltracker.extendschema.testing.FaultScenarios.FAULTS;
import static com.spooltracker.extendschema.testing.FaultScenarios.assertCleanAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FaultScenarios;
import com.spooltracker.extendschema.testing.FaultScenarios.Call;
import com.spooltracker.extendschema.testing.FaultScenarios.Fault;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.control.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every API call of the first metrics refresh of the migrated demo sheet (the read of Uniones, the grid
 * read of Operaciones, the update that puts the column marks, the read that confirms them, the write
 * through them, the verification read and the audit append), by position, crossed with every fault the
 * network or Google can produce, each scenario its own test. The run with the fault is followed by
 * one without; that second run must leave exactly the sheet a fault-free refresh leaves, and no cell
 * that held a value before may change except the five metric columns (which the refresh owns). The
 * migration's own calls have their matrix in {@link FaultMatrixTest}.
 */
class RefreshFaultMatrixTest {
    private static final FakeClock CLOCK = new FakeClock();
    private static final int METRICS_FROM = 67;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("demo")
            .fakeTime(CLOCK)
            .with("SHEETS_DEADLINE_MS", "10000")
            .with("SHEETS_BACKOFF_INITIAL_MS", "50");

    private static JsonObject expected;

    @TestFactory
    Stream<DynamicTest> everyFaultAtEveryRefreshCallConvergesAndChangesNoCellOutsideTheMetrics() {
        migratedDemo();
        JsonObject original = fixture.emulator().dump("demo");
        Response reference = fixture.function().post("refreshMetrics=true");
        assertEquals(200, reference.status(), reference::toString);
        assertEquals(
                "APPLIED",
                reference.json().getAsJsonObject("metrics").get("status").getAsString());
        List<Call> calls = FaultScenarios.calls(fixture.emulator().requestLog());
        expected = fixture.emulator().dump("demo");
        assertEquals(1, auditRows(original, expected));
        assertEquals(
                List.of(
                        "values.batchGetByDataFilter#1",
                        "spreadsheets.getByDataFilter#1",
                        "spreadsheets.batchUpdate#1",
                        "spreadsheets.get#1",
                        "values.batchUpdateByDataFilter#1",
                        "spreadsheets.get#2",
                        "values.append#1"),
                calls.stream().map(Call::toString).toList(),
                "the first refresh's calls on a migrated sheet, on a new instance: Uniones, Operaciones, the column"
                        + " marks, the read that confirms them, the metrics, the verification read, the audit row");
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls) {
            for (Fault fault : FAULTS) {
                tests.add(DynamicTest.dynamicTest(fault.name() + " at " + call, () -> scenario(call, fault)));
            }
        }
        return tests.stream();
    }

    private static void scenario(Call call, Fault fault) {
        migratedDemo();
        JsonObject before = fixture.emulator().dump("demo");
        fixture.emulator().addFault(fault.rule().apply(call));

        Response first = (fault.slow() ? impatient() : fixture.function()).post("refreshMetrics=true");

        assertCleanAnswer(first);
        if (fault.slow()) {
            FaultScenarios.releaseSlowAnswer(fixture.emulator(), CLOCK);
        }
        assertTrue(
                fixture.emulator().requestLog().stream()
                        .anyMatch(r -> r.outcome().startsWith("fault:")),
                "the fault fired");
        fixture.emulator().clearFaults();

        Response second = fixture.function().post("refreshMetrics=true");

        assertEquals(200, second.status(), second::toString);
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(
                sheet(expected, "Operaciones"),
                sheet(after, "Operaciones"),
                "Operaciones as a fault-free refresh leaves it");
        assertEquals(
                without(expected, Dumps.AUDIT), without(after, Dumps.AUDIT), "the other sheets, Metadata included");
        assertEquals(0, changedOutsideMetrics(before, after), "pre-existing cells outside the metric columns");
        int audit = auditRows(before, after);
        assertTrue(
                audit == 1 || audit == 0 && first.body().contains("audit row"),
                () -> audit + " audit rows; first answer " + first);
    }

    private static void migratedDemo() {
        fixture.emulator().reset();
        fixture.emulator().seed(DemoSpreadsheet.seed());
        ColumnMapCache.shared().invalidateAll();
        assertEquals(200, fixture.function().post("").status());
        ColumnMapCache.shared().invalidateAll();
        fixture.emulator().resetCounters();
    }

    private static int changedOutsideMetrics(JsonObject before, JsonObject after) {
        JsonObject was = before.deepCopy();
        JsonObject is = after.deepCopy();
        for (JsonObject dump : List.of(was, is)) {
            for (var row : rows(sheet(dump, "Operaciones"))) {
                var cells = row.getAsJsonArray();
                for (int c = METRICS_FROM; c < Math.min(cells.size(), METRICS_FROM + 5); c++) {
                    cells.set(c, JsonNull.INSTANCE);
                }
            }
        }
        return Dumps.changedCells(was, is);
    }

    /** The migration before has created the audit sheet: the refresh's calls are the steady state's. */
    private static int auditRows(JsonObject before, JsonObject after) {
        return Dumps.auditRows(after).size() - Dumps.auditRows(before).size();
    }

    /** The same function with a short read timeout: for answers slower than the read timeout. */
    private static FunctionServer impatient() {
        return fixture.functionWith(
                Map.of("SHEETS_READ_TIMEOUT_MS", Long.toString(FaultScenarios.IMPATIENT_READ_TIMEOUT.toMillis())));
    }
}
