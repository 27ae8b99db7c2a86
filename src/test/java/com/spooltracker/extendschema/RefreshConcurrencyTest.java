package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.Race;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Refreshes racing each other on the v3.0 demo: concurrent requests into one function instance and
 * separate CLI processes, each migrating and refreshing. Every write is absolute and every run
 * computes the same figures, so the sheet ends migrated once, every metric right, and no cell outside
 * the five metric columns changed.
 */
class RefreshConcurrencyTest {
    private static final int POSTS = 6;
    private static final int PROCESSES = 2;

    @Test
    void concurrentRefreshesFromPostsAndCliProcessesEndWithEveryMetricRight() throws Exception {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start();
                FunctionServer function = FunctionServer.start(emulator.hostPort(), "demo")) {
            emulator.seed(DemoSpreadsheet.seed());
            JsonObject before = emulator.dump("demo");
            // Reads as slow as Google's widen the window between a run's reads and its writes.
            emulator.addFault(FaultRule.on("values.batchGet").times(0).delay(Duration.ofMillis(100)));

            Race race = Race.run(emulator, function, "refreshMetrics=true", POSTS, PROCESSES, "--refresh-metrics");
            Map<String, Integer> outcomes = new TreeMap<>();
            race.posts()
                    .forEach(r -> outcomes.merge(
                            "POST metrics "
                                    + r.json()
                                            .getAsJsonObject("metrics")
                                            .get("status")
                                            .getAsString(),
                            1,
                            Integer::sum));
            for (String output : race.cliOutputs()) {
                assertTrue(output.contains("METRICS "), output);
                outcomes.merge(
                        "CLI metrics "
                                + output.substring(output.indexOf("METRICS ") + 8)
                                        .split("\\s", 2)[0],
                        1,
                        Integer::sum);
            }
            emulator.clearFaults();

            JsonObject after = emulator.dump("demo");
            List<String> headers = header(sheet(after, "Operaciones"));
            assertEquals(ExtendSchemaFunctionTest.V4_HEADERS, headers.subList(67, 72));
            assertEquals(72, headers.size());
            MetricsRefreshTest.assertMetricsAsExpected(before, after, List.of());
            int refreshed =
                    outcomes.getOrDefault("POST metrics APPLIED", 0) + outcomes.getOrDefault("CLI metrics APPLIED", 0);
            assertTrue(refreshed >= 1, outcomes::toString);
            int auditRows =
                    Dumps.auditRows(after).size() - Dumps.auditRows(before).size();
            assertTrue(auditRows >= 2, "at least one migration and one refresh audit row: " + auditRows);
            System.out.printf(
                    "refresh concurrency: %d POSTs + %d CLI processes -> %s; %d audit rows; every metric right%n",
                    POSTS, PROCESSES, outcomes, auditRows);
        }
    }
}
