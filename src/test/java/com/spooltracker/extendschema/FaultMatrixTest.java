package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.FaultRule;
import com.spooltracker.extendschema.emulator.RequestRecord;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API call of a fresh migration of the demo sheet, by position, crossed with every fault the
 * network or Google can produce. Each scenario runs the function once with the fault and once
 * without; the second run must leave exactly the state a fault-free migration leaves, and no cell
 * that was there before may change. The positions come from a fault-free run's request log, so the
 * matrix follows the engine's call sequence, on a cold instance (the v3.0 layout presumed) and on a
 * warm one (the cached column map).
 */
class FaultMatrixTest {
    private static final Duration SLOW_ANSWER = Duration.ofMillis(1500);

    private static SheetsEmulator emulator;
    private static FunctionServer function;
    /** Same function, 1 s read timeout: for answers slower than the read timeout. */
    private static FunctionServer impatient;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start();
        function = FunctionServer.start(settings("10"));
        Map<String, String> impatientSettings = settings("10");
        impatientSettings.put("SHEETS_READ_TIMEOUT_SECONDS", "1");
        impatient = FunctionServer.start(impatientSettings);
    }

    private static Map<String, String> settings(String deadlineSeconds) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SHEETS_EMULATOR_HOST", emulator.hostPort());
        settings.put("SPREADSHEET_ID", "demo");
        settings.put("SHEETS_DEADLINE_SECONDS", deadlineSeconds);
        settings.put("SHEETS_BACKOFF_INITIAL_MS", "50");
        return settings;
    }

    @AfterAll
    static void stop() {
        function.close();
        impatient.close();
        emulator.close();
    }

    /** A call of the migration: the nth request to an endpoint. */
    private record Call(String endpoint, int nth, boolean isGet) {
        @Override
        public String toString() {
            return endpoint + "#" + nth;
        }
    }

    /** A fault, as the rule that injects it at a call. */
    private record Fault(String name, boolean slow, Function<Call, FaultRule> rule) {}

    private static final List<Fault> FAULTS = List.of(
            new Fault("429 Retry-After 1", false, c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(429).retryAfter(1)),
            new Fault("500", false, c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(500)),
            new Fault("503", false, c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(503)),
            // The JDK resends a GET once by itself after a drop; times(2) makes the drop reach our client.
            new Fault("drop before answering", false,
                    c -> FaultRule.on(c.endpoint()).nth(c.nth()).times(c.isGet() ? 2 : 1).dropBeforeAnswer()),
            new Fault("apply, then drop", false,
                    c -> FaultRule.on(c.endpoint()).nth(c.nth()).times(c.isGet() ? 2 : 1).applyThenDrop()),
            new Fault("slower than the read timeout", true, c -> FaultRule.on(c.endpoint()).nth(c.nth()).delay(SLOW_ANSWER)));

    @Test
    void everyFaultAtEveryCallConvergesOnTheNextRunAndLosesNoCell() {
        int scenarios = 0;
        Map<Boolean, List<Call>> callsByWarmth = new LinkedHashMap<>();
        int converged = 0;
        int cellsLost = 0;
        Map<String, Integer> firstAnswers = new TreeMap<>();
        Map<Integer, Integer> auditRowsLeft = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (boolean warm : List.of(false, true)) {
            freshDemo(warm);
            JsonObject original = emulator.dump("demo");
            Response reference = function.post("");
            assertEquals(200, reference.status(), reference::toString);
            List<Call> calls = calls(emulator.requestLog());
            callsByWarmth.put(warm, calls);
            JsonObject expected = emulator.dump("demo");
            assertEquals(1, auditRows(original, expected), "a fault-free run writes one audit row");
            for (Call call : calls) {
                for (Fault fault : FAULTS) {
                    scenarios++;
                    String scenario = fault.name() + " at " + call + (warm ? " (warm instance)" : " (cold instance)");
                    freshDemo(warm);
                    JsonObject before = emulator.dump("demo");
                    emulator.addFault(fault.rule().apply(call));

                    Response first = (fault.slow() ? impatient : function).post("");

                    assertCleanAnswer(scenario, first);
                    firstAnswers.merge(first.status() + (first.status() == 200 && first.json().has("warning") ? "+warning" : ""),
                            1, Integer::sum);
                    if (fault.slow()) {
                        awaitDelayedRequest(scenario);
                    }
                    assertTrue(emulator.requestLog().stream().anyMatch(r -> r.outcome().startsWith("fault:")),
                            () -> scenario + ": the fault never fired: " + emulator.requestLog());
                    emulator.clearFaults();

                    Response second = function.post("");

                    JsonObject after = emulator.dump("demo");
                    int lost = Dumps.changedCells(before, after);
                    cellsLost += lost;
                    int audit = auditRows(before, after);
                    auditRowsLeft.merge(audit, 1, Integer::sum);
                    List<String> problems = new ArrayList<>();
                    if (second.status() != 200) {
                        problems.add("second run answered " + second);
                    }
                    if (!sheet(after, "Operaciones").equals(sheet(expected, "Operaciones"))) {
                        problems.add("Operaciones differs from a fault-free migration");
                    }
                    if (!without(after, "Metadata").equals(without(expected, "Metadata"))) {
                        problems.add("a sheet other than Operaciones and Metadata differs");
                    }
                    if (lost > 0) {
                        problems.add(lost + " pre-existing cells changed");
                    }
                    // An append is not resent after an I/O error: at most one audit row per run that applied;
                    // none only when the applying run said the row was not written, or that it may not be.
                    // A run that says FAILED must not have written it.
                    String outcome = auditOutcome(first);
                    if (audit > 1 || audit == 0 && !outcome.equals("FAILED") && !outcome.equals("UNKNOWN")
                            || audit == 1 && outcome.equals("FAILED")) {
                        problems.add(audit + " audit rows; first answer " + first);
                    }
                    if (problems.isEmpty()) {
                        converged++;
                    } else {
                        failures.add(scenario + ": " + problems);
                    }
                }
            }
        }
        int cold = callsByWarmth.get(false).size();
        int warmCalls = callsByWarmth.get(true).size();

        System.out.printf("fault matrix: %d scenarios, %d converged, %d cells lost%n", scenarios, converged, cellsLost);
        System.out.printf("fault matrix: (%d calls cold + %d warm) x %d faults; first answers %s; audit rows left %s%n",
                cold, warmCalls, FAULTS.size(), firstAnswers, auditRowsLeft);
        assertEquals(List.of(), failures);
        assertEquals(scenarios, converged);
        assertEquals(0, cellsLost);
        assertEquals((cold + warmCalls) * FAULTS.size(), scenarios);
        assertTrue(cold >= 4, "a read, grid update, values write and audit append: " + callsByWarmth);
        assertTrue(warmCalls >= 4, "a read, grid update, values write and audit append: " + callsByWarmth);
    }

    /** The demo spreadsheet before migration; on a warm instance the column map is already cached (by a dry run). */
    private static void freshDemo(boolean warm) {
        emulator.reset();
        emulator.seedDemo();
        ColumnMapCache.shared().invalidateAll();
        if (warm) {
            assertEquals(200, function.post("dryRun=true").status());
            emulator.resetCounters();
        }
    }

    private static List<Call> calls(List<RequestRecord> log) {
        Map<String, Integer> seen = new TreeMap<>();
        List<Call> calls = new ArrayList<>();
        for (RequestRecord record : log) {
            int nth = seen.merge(record.endpoint(), 1, Integer::sum);
            calls.add(new Call(record.endpoint(), nth, record.method().equals("GET")));
        }
        return calls;
    }

    /** 200, or a JSON error whose code is the status, with a message, and Retry-After on a 503. */
    private static void assertCleanAnswer(String scenario, Response response) {
        JsonObject json = response.json();
        if (response.status() == 200) {
            assertFalse(json.has("error"), () -> scenario + ": " + response);
            return;
        }
        JsonObject error = json.getAsJsonObject("error");
        assertNotNull(error, () -> scenario + ": " + response);
        assertEquals(response.status(), error.get("code").getAsInt(), () -> scenario + ": " + response);
        assertFalse(error.get("message").getAsString().isBlank(), () -> scenario + ": " + response);
        assertTrue(response.status() != 500, () -> scenario + ": " + response);
        if (response.status() == 503) {
            assertNotNull(response.header("Retry-After"), () -> scenario + ": " + response);
            assertTrue(error.get("message").getAsString().contains("safe"), () -> scenario + ": " + response);
        }
    }

    /** The emulator records a delayed request once it has been applied: wait for that, so it cannot land later. */
    private static void awaitDelayedRequest(String scenario) {
        long until = System.nanoTime() + SLOW_ANSWER.multipliedBy(3).toNanos();
        while (emulator.requestLog().stream().noneMatch(r -> r.outcome().equals("fault:delay"))) {
            if (System.nanoTime() > until) {
                throw new AssertionError(scenario + ": the delayed request never finished");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int auditRows(JsonObject before, JsonObject after) {
        JsonArray was = rows(sheet(before, "Metadata"));
        JsonArray is = rows(sheet(after, "Metadata"));
        for (int r = 0; r < was.size(); r++) {
            assertEquals(was.get(r), is.get(r), "pre-existing Metadata row " + (r + 1));
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
}
