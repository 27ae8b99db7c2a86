package com.spooltracker.extendschema.bench;

import com.spooltracker.extendschema.Engine;
import com.spooltracker.extendschema.RefreshReport;
import com.spooltracker.extendschema.RefreshResult;
import com.spooltracker.extendschema.RunOptions;
import com.spooltracker.extendschema.RunResult;
import com.spooltracker.extendschema.Target;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import com.spooltracker.extendschema.sheets.WriteRequests;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One function instance's worth of state: our engine with its own {@link ColumnMapCache} (empty
 * when the instance starts, as on a cold start), or the baseline. Runs are timed and their peak heap
 * measured in this JVM.
 */
final class Instance {
    /** What one run reports about itself; API calls and bytes are counted by the emulator. */
    record Figures(String status, long wallMillis, long peakHeapBytes, long largestBodyBytes) {}

    private final Engine engine;
    private final Baseline baseline;
    private TrackerWay tracker;

    private Instance(Engine engine, Baseline baseline) {
        this.engine = engine;
        this.baseline = baseline;
    }

    /** The tracker's way of writing the metrics, spool by spool. */
    static Instance tracker(String emulatorHostPort) {
        Instance instance = new Instance(null, null);
        instance.tracker = new TrackerWay(emulatorHostPort, BenchSheet.ID);
        return instance;
    }

    /** The metrics refresh (after the migration step, which finds the sheet migrated), or the tracker's way. */
    Figures refresh(boolean dryRun) throws Exception {
        HeapWatch.reset();
        long started = System.nanoTime();
        String status;
        long largestBody = 0;
        if (tracker != null) {
            status = tracker.run(dryRun);
            largestBody = tracker.largestBody();
        } else {
            Engine.Outcome outcome = engine.run(new RunOptions(dryRun, false, true));
            RefreshResult result = outcome.refresh().orElseThrow().result();
            status = RefreshReport.status(result);
            // The metrics write as the run sent it: one column through its mark each (the id does not change the size).
            Map<Integer, ColumnMarks.MarkedCells> byColumn = new TreeMap<>();
            for (var change : result.drift().changes()) {
                byColumn.computeIfAbsent(
                                change.column(),
                                c -> new ColumnMarks.MarkedCells(Integer.MAX_VALUE, new TreeMap<>(), new TreeSet<>()))
                        .numbers()
                        .put(change.row(), change.value());
            }
            for (var request : ColumnMarks.writes(new ArrayList<>(byColumn.values()), WriteRequests.MAX_BODY_BYTES)) {
                largestBody = Math.max(largestBody, WriteRequests.bodyBytes(request));
            }
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        return new Figures(status, wall, HeapWatch.peak(), largestBody);
    }

    static Instance ours(String emulatorHostPort) {
        Target target = new Target(BenchSheet.ID, BenchSheet.SHEET, "TAG_SPOOL", Optional.empty());
        return new Instance(
                Engine.of(
                        SheetsClientFactory.emulator(emulatorHostPort),
                        target,
                        RetryPolicy.withDeadline(Duration.ofSeconds(120)),
                        new ColumnMapCache(),
                        Clock.systemUTC(),
                        Schema.shipped()),
                null);
    }

    static Instance baseline(String emulatorHostPort) {
        return new Instance(null, new Baseline(emulatorHostPort, BenchSheet.ID, BenchSheet.SHEET, "TAG_SPOOL"));
    }

    Figures run(boolean dryRun) throws Exception {
        HeapWatch.reset();
        long started = System.nanoTime();
        String status;
        RunResult result = null;
        if (engine != null) {
            result = engine.run(new RunOptions(dryRun, false, false)).migration();
            status = result instanceof RunResult.Applied
                    ? "APPLIED"
                    : result instanceof RunResult.DryRun ? "DRY_RUN" : "UP_TO_DATE";
        } else {
            status = baseline.run(dryRun);
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        long peak = HeapWatch.peak();
        long largestBody = engine != null ? largestBody(result) : baseline.largestBody();
        return new Figures(status, wall, peak, largestBody);
    }

    /** The largest body the run sent, or (dry run) would send: the plan's requests as the client serializes them. */
    private static long largestBody(RunResult result) {
        if (result instanceof RunResult.UpToDate) {
            return 0;
        }
        long largest = 0;
        var grid = WriteRequests.gridAndFormats(result.plan());
        if (grid.isPresent()) {
            largest = WriteRequests.bodyBytes(grid.get());
        }
        for (var values : WriteRequests.values(result.plan(), WriteRequests.MAX_BODY_BYTES)) {
            largest = Math.max(largest, WriteRequests.bodyBytes(values));
        }
        return largest;
    }
}
