package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FakeRetryClock;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.Quota;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Google's write quota (60 writes per minute per user) running out in the middle of a migration: every
 * run of the burst ends 200 or a clean 503 with Retry-After, and a run in the next minute finishes
 * the job exactly.
 */
class RateLimitedRunsTest {
    /** Applying runs in the burst; half as many dry runs go with them. */
    private static final int BURST = 4;

    @Test
    void aBurstOfRunsUnderTheWriteQuotaEndsIn200Or503AndTheNextMinuteConverges() throws Exception {
        // The quota's window and the function's retries on one fake clock: pauses advance it, not sleep.
        FakeClock clock = new FakeClock();
        try (SheetsEmulator emulator = SheetsEmulator.start(clock);
                FunctionServer function = FunctionServer.start(
                        FakeTimeFunction.class.getName(),
                        Map.of(
                                "SHEETS_EMULATOR_HOST",
                                emulator.hostPort(),
                                "SPREADSHEET_ID",
                                "demo",
                                "SHEETS_DEADLINE_MS",
                                "1000",
                                "SHEETS_BACKOFF_INITIAL_MS",
                                "50",
                                FakeRetryClock.PROPERTY,
                                FakeRetryClock.register(clock)))) {
            JsonObject expected = faultFreeMigration(emulator, function);
            emulator.reset();
            emulator.seed(DemoSpreadsheet.seed());
            emulator.seed(SCRATCH);
            ColumnMapCache.shared().invalidateAll();
            JsonObject before = emulator.dump("demo");

            emulator.setQuota(Quota.perMinute(60));
            // Other clients of the same project have used 59 of this minute's 60 writes.
            int othersWrites = 0;
            while (othersWrites < 59) {
                assertEquals(200, scratchWrite(emulator));
                othersWrites++;
            }
            ExecutorService pool = Executors.newFixedThreadPool(BURST);
            List<Future<Response>> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(pool.submit(() -> function.post("")));
                if (i % 2 == 0) {
                    burst.add(pool.submit(() -> function.get(""))); // dry runs only read: reads have their own quota
                }
            }
            Map<Integer, Integer> answers = new TreeMap<>();
            for (Future<Response> future : burst) {
                Response response = future.get(60, TimeUnit.SECONDS);
                answers.merge(response.status(), 1, Integer::sum);
                assertTrue(response.status() == 200 || response.status() == 503, response::toString);
                if (response.status() == 503) {
                    assertNotNull(response.header("Retry-After"), response::toString);
                    assertEquals("UNAVAILABLE", response.errorStatus());
                    assertTrue(response.body().contains("running again is safe"), response::toString);
                }
            }
            pool.shutdown();
            long refused = emulator.requestLog().stream()
                    .filter(r -> r.outcome().equals("quota"))
                    .count();
            assertTrue(refused > 0, "the quota never bit: " + emulator.counters());
            assertEquals(0, Dumps.changedCells(before, emulator.dump("demo")), "no pre-existing cell changed");

            emulator.setQuota(Quota.perMinute(60)); // the next minute: a fresh window
            Response next = function.post("");

            assertEquals(200, next.status(), next::toString);
            JsonObject after = emulator.dump("demo");
            assertEquals(sheet(expected, "Operaciones"), sheet(after, "Operaciones"));
            assertEquals(without(expected, Dumps.AUDIT), without(after, Dumps.AUDIT));
            assertEquals(0, Dumps.changedCells(before, after));
            System.out.printf(
                    "quota: 60 writes/min, 59 used by others; burst of %d runs -> %s, %d writes refused "
                            + "with 429; the next minute's run -> %d %s, sheet converged%n",
                    burst.size(),
                    answers,
                    refused,
                    next.status(),
                    next.json().get("status").getAsString());
        }
    }

    private static JsonObject faultFreeMigration(SheetsEmulator emulator, FunctionServer function) {
        emulator.seed(DemoSpreadsheet.seed());
        ColumnMapCache.shared().invalidateAll();
        assertEquals(200, function.post("").status());
        return emulator.dump("demo");
    }

    private static final String SCRATCH = """
            {"spreadsheetId":"scratch","title":"Another program","sheets":[{"title":"Hoja 1","rowCount":100,"columnCount":5}]}
            """;

    private static int scratchWrite(SheetsEmulator emulator) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.rootUrl() + "v4/spreadsheets/scratch/values:batchUpdate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"valueInputOption\":\"RAW\",\"data\":[{\"range\":\"'Hoja 1'!A1\",\"values\":[[\"x\"]]}]}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
