package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.AUDIT;
import static com.spooltracker.extendschema.testing.Dumps.historyVersions;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static com.spooltracker.extendschema.testing.Dumps.withoutNUnion;
import static com.spooltracker.extendschema.testing.FaultScenarios.FAULTS;
import static com.spooltracker.extendschema.testing.FaultScenarios.assertCleanAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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
import io.sheetsemulator.control.RequestRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every API call of a fresh migration of the demo sheet, by position, crossed with every fault the
 * network or Google can produce, each scenario its own test. Each scenario runs the function once
 * with the fault and once without; the second run must leave exactly the state a fault-free
 * migration leaves, and no cell that was there before may change. The positions come from a
 * fault-free run's request log, on a cold instance (the v3.0 layout presumed) and on a warm one (the
 * cached column map). The run migrates Metadata too (N_UNION at K, no default): its header read, the
 * re-read of Operaciones that follows, and the structural batch that carries Metadata's grid and the
 * schema history are among the calls faulted; after convergence Metadata has N_UNION once at K, every
 * other cell of it as it was, and the history records both versions.
 */
class FaultMatrixTest {
    private static final FakeClock CLOCK = new FakeClock();

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("demo")
            .fakeTime(CLOCK)
            .with("SHEETS_DEADLINE_MS", "10000")
            .with("SHEETS_BACKOFF_INITIAL_MS", "50");

    private static final Map<String, Integer> firstAnswers = new TreeMap<>();
    private static final Map<Integer, Integer> auditRowsLeft = new TreeMap<>();
    private static final Map<Boolean, Integer> callsByWarmth = new TreeMap<>();
    /** The grid and format update, which carries Metadata's grid and the history entries too. */
    private static final String STRUCTURAL_BATCH = "spreadsheets.batchUpdate#1";

    private static int converged;
    private static int structuralBatchChecked;
    private static int cellsLost;

    @AfterAll
    static void printFigures() {
        int scenarios =
                callsByWarmth.values().stream().mapToInt(Integer::intValue).sum() * FAULTS.size();
        System.out.printf("fault matrix: %d scenarios, %d converged, %d cells lost%n", scenarios, converged, cellsLost);
        assertEquals(2 * 8 * FAULTS.size(), scenarios, "8 calls, cold and warm, crossed with every fault");
        assertEquals(scenarios, converged, "every scenario converged");
        assertEquals(2, structuralBatchChecked, "the structural batch's lost answer, cold and warm");
        System.out.printf(
                "fault matrix: (%d calls cold + %d warm) x %d faults; first answers %s; audit rows left %s%n",
                callsByWarmth.get(false), callsByWarmth.get(true), FAULTS.size(), firstAnswers, auditRowsLeft);
    }

    @TestFactory
    Stream<DynamicContainer> everyFaultAtEveryCallConvergesOnTheNextRunAndLosesNoCell() {
        List<DynamicContainer> instances = new ArrayList<>();
        for (boolean warm : List.of(false, true)) {
            freshDemo(warm);
            JsonObject original = fixture.emulator().dump("demo");
            Response reference = fixture.function().post("");
            assertEquals(200, reference.status(), reference::toString);
            List<Call> calls = FaultScenarios.calls(fixture.emulator().requestLog());
            List<String> described = describe(fixture.emulator().requestLog());
            System.out.printf("fault matrix: %s instance calls %s%n", warm ? "warm" : "cold", described);
            assertMetadataCallsAreFaulted(described, warm);
            // The demo has no audit sheet yet: the run's calls include its creation (the append refused
            // for want of the sheet, the sheet with its header), so faults hit those calls too.
            assertTrue(
                    calls.size() >= 6,
                    "a read, grid update, values write, refused append, audit sheet and audit append: " + calls);
            callsByWarmth.put(warm, calls.size());
            JsonObject expected = fixture.emulator().dump("demo");
            assertEquals(1, auditRows(original, expected), "a fault-free run writes one audit row");
            List<DynamicTest> tests = new ArrayList<>();
            for (Call call : calls) {
                for (Fault fault : FAULTS) {
                    tests.add(DynamicTest.dynamicTest(
                            fault.name() + " at " + call, () -> scenario(warm, call, fault, expected)));
                }
            }
            instances.add(DynamicContainer.dynamicContainer(warm ? "warm instance" : "cold instance", tests));
        }
        return instances.stream();
    }

    private static void scenario(boolean warm, Call call, Fault fault, JsonObject expected) {
        freshDemo(warm);
        JsonObject before = fixture.emulator().dump("demo");
        fixture.emulator().addFault(fault.rule().apply(call));

        Response first = (fault.slow() ? impatient() : fixture.function()).post("");

        assertCleanAnswer(first);
        firstAnswers.merge(
                first.status() + (first.status() == 200 && first.json().has("warning") ? "+warning" : ""),
                1,
                Integer::sum);
        if (fault.slow()) {
            FaultScenarios.releaseSlowAnswer(fixture.emulator(), CLOCK);
        }
        assertTrue(
                fixture.emulator().requestLog().stream()
                        .anyMatch(r -> r.outcome().startsWith("fault:")),
                () -> "the fault never fired: " + fixture.emulator().requestLog());
        fixture.emulator().clearFaults();
        JsonObject afterFirst = fixture.emulator().dump("demo");

        Response second = fixture.function().post("");

        assertEquals(200, second.status(), second::toString);
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(
                sheet(expected, "Operaciones"),
                sheet(after, "Operaciones"),
                "Operaciones as a fault-free run leaves it");
        assertEquals(without(expected, AUDIT), without(after, AUDIT), "the other sheets, Metadata included");
        assertEquals(
                sheet(withoutNUnion(before), "Metadata"),
                sheet(withoutNUnion(after), "Metadata"),
                "Metadata: every cell but N_UNION's as it was");
        List<String> metadataHeader = Dumps.header(sheet(after, "Metadata"));
        assertEquals(10, metadataHeader.indexOf("N_UNION"), "N_UNION at K: " + metadataHeader);
        assertEquals(10, metadataHeader.lastIndexOf("N_UNION"), "N_UNION once: " + metadataHeader);
        assertEquals(Set.of("4.0.1", "4.0.2"), historyVersions(after), "the history records both versions");
        if (call.toString().equals(STRUCTURAL_BATCH) && fault.name().equals("apply, then drop")) {
            // The batch the answer of which was lost carried Metadata's grid and the history.
            assertEquals(Set.of("4.0.1", "4.0.2"), historyVersions(afterFirst));
            assertEquals(11, sheet(afterFirst, "Metadata").get("columnCount").getAsInt());
            structuralBatchChecked++;
        }
        int lost = Dumps.changedCells(before, after);
        cellsLost += lost;
        assertEquals(0, lost, "pre-existing cells changed");
        // An append is not resent after an I/O error: at most one audit row per run that applied;
        // none only when the applying run said the row was not written, or that it may not be.
        // A run that says FAILED must not have written it.
        int audit = auditRows(before, after);
        auditRowsLeft.merge(audit, 1, Integer::sum);
        String outcome = auditOutcome(first);
        assertTrue(audit <= 1, audit + " audit rows");
        assertTrue(audit == 1 || outcome.equals("FAILED") || outcome.equals("UNKNOWN"), "no audit row, and " + first);
        assertTrue(audit == 0 || !outcome.equals("FAILED"), "said FAILED but wrote the row: " + first);
        converged++;
    }

    /**
     * Each call as {@code endpoint#nth}, with the sheets a read asks for: the Metadata migration's calls
     * (its header read, the re-read of Operaciones after it) must be among those faulted.
     */
    private static List<String> describe(List<RequestRecord> log) {
        List<Call> calls = FaultScenarios.calls(log);
        List<String> described = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String path = URLDecoder.decode(log.get(i).pathAndQuery(), StandardCharsets.UTF_8);
            Matcher sheets = Pattern.compile("ranges='([^']+)'").matcher(path);
            java.util.SortedSet<String> read = new java.util.TreeSet<>();
            while (sheets.find()) {
                read.add(sheets.group(1));
            }
            described.add(calls.get(i) + (read.isEmpty() ? "" : " " + read));
        }
        return described;
    }

    /** A new instance reads Operaciones first by data filter (the tracker's layout and the layout marks). */
    private static void assertMetadataCallsAreFaulted(List<String> calls, boolean warm) {
        assertEquals(
                warm
                        ? List.of(
                                "spreadsheets.get#1 [Operaciones]",
                                "spreadsheets.get#2 [Metadata]",
                                "spreadsheets.get#3 [Operaciones]",
                                STRUCTURAL_BATCH,
                                "values.batchUpdate#1")
                        : List.of(
                                "spreadsheets.getByDataFilter#1",
                                "spreadsheets.get#1 [Metadata]",
                                "spreadsheets.get#2 [Operaciones]",
                                STRUCTURAL_BATCH,
                                "values.batchUpdate#1"),
                calls.subList(0, 5),
                "the read, Metadata's header, Operaciones again, the structural batch, the values");
        assertEquals(8, calls.size(), "and the audit sheet's creation: " + calls);
    }

    /** The demo spreadsheet before migration; on a warm instance the column map is already cached (by a dry run). */
    private static void freshDemo(boolean warm) {
        fixture.emulator().reset();
        fixture.emulator().seed(DemoSpreadsheet.seed());
        ColumnMapCache.shared().invalidateAll();
        if (warm) {
            assertEquals(200, fixture.function().post("dryRun=true").status());
            fixture.emulator().resetCounters();
        }
    }

    /** Audit rows {@code after} has that {@code before} had not; an audit sheet, once there, has its header. */
    private static int auditRows(JsonObject before, JsonObject after) {
        JsonArray was = Dumps.auditRows(before);
        JsonArray is = Dumps.auditRows(after);
        for (int r = 0; r < was.size(); r++) {
            assertEquals(was.get(r), is.get(r), "pre-existing audit row " + (r + 2));
        }
        if (Dumps.hasSheet(after, AUDIT)) {
            assertEquals(Dumps.AUDIT_HEADER, Dumps.header(sheet(after, AUDIT)), "the audit sheet's header");
        }
        return is.size() - was.size();
    }

    /** The audit outcome a run reported, or "" when it did not apply. */
    private static String auditOutcome(Response response) {
        if (response.status() != 200 || !response.json().has("audit")) {
            return "";
        }
        return response.json().getAsJsonObject("audit").get("outcome").getAsString();
    }

    /** The same function with a short read timeout: for answers slower than the read timeout. */
    private static FunctionServer impatient() {
        return fixture.functionWith(
                Map.of("SHEETS_READ_TIMEOUT_MS", Long.toString(FaultScenarios.IMPATIENT_READ_TIMEOUT.toMillis())));
    }
}
