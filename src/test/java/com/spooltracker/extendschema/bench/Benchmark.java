package com.spooltracker.extendschema.bench;

import com.spooltracker.extendschema.local.DemoSpreadsheet;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.RequestRecord;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures extendSchema against the Sheets emulator and prints Markdown tables: API calls, wire bytes,
 * wall time and peak heap per run for several sheet sizes, beside the straightforward {@link Baseline};
 * then the ratios, the targets, and cold start against a hello-world function.
 *
 * <p>The emulator runs in this JVM. Each function instance is a child JVM ({@link Worker}); ours
 * gets {@code -Xmx256m}. Run with {@code mvn -q -Pbenchmark verify} (see docs/performance.md).
 *
 * <p>System properties: {@code bench.sizes} (data rows, comma-separated), {@code bench.heap},
 * {@code bench.baselineHeap}, {@code bench.coldStartRounds} (0 skips cold start),
 * {@code bench.coldStartOptions} (JAVA_TOOL_OPTIONS variants separated by {@code |}),
 * {@code bench.runtimeClasspath} (file with the function's runtime classpath), {@code bench.classes},
 * {@code bench.testClasses}, {@code bench.part} ({@code all}, {@code migration} or {@code refresh}: see
 * {@link RefreshBenchmark}).
 */
public final class Benchmark {
    enum Run {
        DRY("dry run"),
        FRESH("fresh apply"),
        UP_TO_DATE("up-to-date"),
        APPENDED("appended 1%");

        final String label;

        Run(String label) {
            this.label = label;
        }
    }

    /** One measured run. */
    record Row(
            int rows,
            Run run,
            String impl,
            String status,
            int reads,
            int writes,
            long sent,
            long received,
            long wallMillis,
            long emulatorReadMillis,
            long peakHeap,
            long largestBody) {
        int calls() {
            return reads + writes;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SheetsEmulator emulator;
    private final String heap = System.getProperty("bench.heap", "256m");
    private final String baselineHeap = System.getProperty("bench.baselineHeap", "4g");
    private final List<Row> rows = new ArrayList<>();

    private Benchmark(SheetsEmulator emulator) {
        this.emulator = emulator;
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(
                        System.getProperty("bench.sizes", "1000,10000,138000").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
        int coldRounds = Integer.getInteger("bench.coldStartRounds", 7);
        String part = System.getProperty("bench.part", "all");
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            Benchmark benchmark = new Benchmark(emulator);
            Report.machine(System.out);
            if (!part.equals("refresh")) {
                List<ColdStartRow> coldStart = coldRounds > 0 ? benchmark.coldStart(coldRounds) : List.of();
                for (int size : sizes) {
                    benchmark.measure(size);
                }
                Report.print(System.out, benchmark.rows, coldStart, benchmark.heap, benchmark.baselineHeap);
            }
            if (!part.equals("migration")) {
                new RefreshBenchmark(emulator, benchmark.heap, benchmark.baselineHeap).measure(System.out);
            }
        }
        System.exit(0);
    }

    private void measure(int size) throws Exception {
        System.err.printf("benchmark: %,d rows%n", size);
        // One instance through a day's life: dry run (cold, then warm), apply, later runs.
        seed(size, BenchSheet.State.FRESH);
        try (ChildInstance instance = ChildInstance.start("ours", emulator.hostPort(), heap)) {
            record(size, Run.DRY, "ours, cold", instance, true);
            record(size, Run.DRY, "ours, warm", instance, true);
            record(size, Run.FRESH, "ours, warm", instance, false);
            seed(size, BenchSheet.State.MIGRATED);
            record(size, Run.UP_TO_DATE, "ours, warm", instance, false);
            seed(size, BenchSheet.State.APPENDED);
            record(size, Run.APPENDED, "ours, warm", instance, false);
        }
        // Each run again as the first run of a new instance.
        for (Run run : List.of(Run.FRESH, Run.UP_TO_DATE, Run.APPENDED)) {
            seed(size, stateBefore(run));
            try (ChildInstance instance = ChildInstance.start("ours", emulator.hostPort(), heap)) {
                record(size, run, "ours, cold", instance, false);
            }
        }
        seed(size, BenchSheet.State.FRESH);
        try (ChildInstance instance = ChildInstance.start("baseline", emulator.hostPort(), baselineHeap)) {
            instance.run(true); // JIT warm-up, as ours is warm
            record(size, Run.DRY, "baseline", instance, true);
            record(size, Run.FRESH, "baseline", instance, false);
            seed(size, BenchSheet.State.MIGRATED);
            record(size, Run.UP_TO_DATE, "baseline", instance, false);
            seed(size, BenchSheet.State.APPENDED);
            record(size, Run.APPENDED, "baseline", instance, false);
        }
    }

    private static BenchSheet.State stateBefore(Run run) {
        return switch (run) {
            case DRY, FRESH -> BenchSheet.State.FRESH;
            case UP_TO_DATE -> BenchSheet.State.MIGRATED;
            case APPENDED -> BenchSheet.State.APPENDED;
        };
    }

    private void seed(int size, BenchSheet.State state) {
        emulator.seed(BenchSheet.seed(size, state));
    }

    private void record(int size, Run run, String impl, ChildInstance instance, boolean dryRun) throws Exception {
        emulator.resetCounters();
        Instance.Figures f = instance.run(dryRun);
        Counters c = emulator.counters();
        long emulatorReads = replayReads(emulator.requestLog());
        Row row = new Row(
                size,
                run,
                impl,
                f.status(),
                c.reads(),
                c.writes(),
                c.bytesIn(),
                c.bytesOut(),
                f.wallMillis(),
                emulatorReads,
                f.peakHeapBytes(),
                f.largestBodyBytes());
        System.err.printf(
                "  %-12s %-11s %-10s reads=%d writes=%d sent=%d received=%d wall=%dms emulator-reads=%dms heap=%dMB%n",
                run.label,
                impl,
                row.status(),
                row.reads(),
                row.writes(),
                row.sent(),
                row.received(),
                row.wallMillis(),
                row.emulatorReadMillis(),
                row.peakHeap() >> 20);
        rows.add(row);
    }

    /**
     * How long the emulator takes to answer the run's reads: each GET is sent again, as the client
     * sent it (gzip accepted), and timed. Reads change nothing, so replaying them is safe. Wall time
     * minus this is roughly what the function itself spent (writes are not replayed).
     */
    private long replayReads(List<RequestRecord> log) throws Exception {
        long nanos = 0;
        for (RequestRecord r : log) {
            if (!r.method().equals("GET")) {
                continue;
            }
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://" + emulator.hostPort() + r.pathAndQuery()))
                    .header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofMinutes(2))
                    .GET()
                    .build();
            long started = System.nanoTime();
            HTTP.send(get, HttpResponse.BodyHandlers.discarding());
            nanos += System.nanoTime() - started;
        }
        return nanos / 1_000_000;
    }

    /** One JVM-option variant: medians of alternating launches of the hello-world function and ours. */
    record ColdStartRow(String options, long helloMedian, long oursMedian, int rounds) {
        double ratio() {
            return (double) oursMedian / helloMedian;
        }
    }

    private List<ColdStartRow> coldStart(int rounds) throws Exception {
        emulator.seed(DemoSpreadsheet.seed());
        String runtime = Files.readString(Path.of(System.getProperty("bench.runtimeClasspath")))
                .trim();
        ColdStart.Function hello = new ColdStart.Function(
                "hello", System.getProperty("bench.testClasses"), HelloFunction.class.getName(), Map.of());
        ColdStart.Function ours = new ColdStart.Function(
                "extendSchema",
                System.getProperty("bench.classes") + File.pathSeparator + runtime,
                "com.spooltracker.extendschema.ExtendSchemaFunction",
                Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(), "SPREADSHEET_ID", "demo"));
        ColdStart launcher = new ColdStart();
        List<ColdStartRow> result = new ArrayList<>();
        String variants = System.getProperty(
                "bench.coldStartOptions",
                "|-XX:TieredStopAtLevel=1|-XX:+UseSerialGC|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                        + "|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:off");
        for (String options : variants.split("\\|", -1)) {
            launcher.launch(hello, options); // first launches fill the page cache
            launcher.launch(ours, options);
            long[] helloTimes = new long[rounds];
            long[] oursTimes = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                helloTimes[i] = launcher.launch(hello, options);
                oursTimes[i] = launcher.launch(ours, options);
            }
            ColdStartRow row = new ColdStartRow(
                    options.isBlank() ? "(none)" : options, median(helloTimes), median(oursTimes), rounds);
            System.err.printf(
                    "cold start %-50s hello %4d ms, extendSchema %4d ms%n",
                    row.options(), row.helloMedian(), row.oursMedian());
            result.add(row);
        }
        return result;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
