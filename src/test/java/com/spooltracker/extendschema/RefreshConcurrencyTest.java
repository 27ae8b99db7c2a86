package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.emulator.control.FaultRule;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            emulator.seedDemo();
            JsonObject before = emulator.dump("demo");
            // Reads as slow as Google's widen the window between a run's reads and its writes.
            emulator.addFault(FaultRule.on("values.batchGet").times(0).delay(Duration.ofMillis(100)));

            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(cli(emulator.hostPort()).start());
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (emulator.requestLog().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            ExecutorService pool = Executors.newFixedThreadPool(POSTS);
            List<Future<Response>> posts = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                posts.add(pool.submit(() -> function.post("refreshMetrics=true")));
            }
            Map<String, Integer> outcomes = Collections.synchronizedMap(new TreeMap<>());
            for (Future<Response> post : posts) {
                Response response = post.get(120, TimeUnit.SECONDS);
                assertEquals(200, response.status(), response::toString);
                outcomes.merge(
                        "POST metrics "
                                + response.json()
                                        .getAsJsonObject("metrics")
                                        .get("status")
                                        .getAsString(),
                        1,
                        Integer::sum);
            }
            pool.shutdown();
            for (Process process : processes) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
                assertEquals(0, process.exitValue(), output);
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
            int auditRows = rows(sheet(after, "Metadata")).size()
                    - rows(sheet(before, "Metadata")).size();
            assertTrue(auditRows >= 2, "at least one migration and one refresh audit row: " + auditRows);
            System.out.printf(
                    "refresh concurrency: %d POSTs + %d CLI processes -> %s; %d audit rows; every metric right%n",
                    POSTS, PROCESSES, outcomes, auditRows);
        }
    }

    private static ProcessBuilder cli(String emulatorHostPort) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.spooltracker.extendschema.Cli",
                        "--emulator",
                        emulatorHostPort,
                        "--refresh-metrics")
                .redirectErrorStream(true);
        builder.environment().remove("SPREADSHEET_ID");
        builder.environment().remove("SHEETS_EMULATOR_HOST");
        return builder;
    }
}
