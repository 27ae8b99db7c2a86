package com.spooltracker.extendschema.bench;

import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.RequestRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics refresh at size: {@code Operaciones} with {@code spools} migrated spools and
 * {@code Uniones} with {@code unions} rows, with no drift and with 1 % drift, refreshed by ours
 * (cold and warm instance) and by the tracker's way ({@link TrackerWay}), each in a child JVM.
 * Prints one Markdown table, side by side, and the targets.
 *
 * <p>System properties: {@code bench.refreshSpools} (20000), {@code bench.refreshUnions} (200000).
 */
final class RefreshBenchmark {
    record Row(
            String state,
            String impl,
            String status,
            int reads,
            int writes,
            long sent,
            long received,
            long wallMillis,
            long peakHeap,
            long largestBody) {
        int calls() {
            return reads + writes;
        }
    }

    private final SheetsEmulator emulator;
    private final String heap;
    private final String trackerHeap;
    private final List<Row> rows = new ArrayList<>();
    private long bothSheetsWhole;
    private int sampled;

    RefreshBenchmark(SheetsEmulator emulator, String heap, String trackerHeap) {
        this.emulator = emulator;
        this.heap = heap;
        this.trackerHeap = trackerHeap;
    }

    void measure(PrintStream out) throws Exception {
        int spools = Integer.getInteger("bench.refreshSpools", 20_000);
        int unions = Integer.getInteger("bench.refreshUnions", 200_000);
        System.err.printf("refresh benchmark: %,d spools, %,d unions%n", spools, unions);
        for (boolean drift : List.of(false, true)) {
            String state = drift ? "1 % drift (" + RefreshSheets.drifting(spools, true) + " spools)" : "no drift";
            emulator.seed(RefreshSheets.seed(spools, unions, drift));
            try (ChildInstance ours = ChildInstance.start("ours", emulator.hostPort(), heap)) {
                record(state, "ours, cold", ours);
                emulator.seed(RefreshSheets.seed(spools, unions, drift));
                record(state, "ours, warm", ours);
            }
            emulator.seed(RefreshSheets.seed(spools, unions, drift));
            try (ChildInstance tracker = ChildInstance.start("tracker", emulator.hostPort(), trackerHeap)) {
                record(state, "tracker's way", tracker);
                bothSheetsWhole = emulator.requestLog().stream()
                        .filter(r -> r.endpoint().equals("values.get"))
                        .mapToLong(RequestRecord::bytesOut)
                        .sum();
            }
        }
        print(out, spools, unions);
    }

    private void record(String state, String impl, ChildInstance instance) throws Exception {
        emulator.resetCounters();
        Instance.Figures f = instance.refresh(false);
        Counters c = emulator.counters();
        Row row = new Row(
                state,
                impl,
                f.status(),
                c.reads(),
                c.writes(),
                c.bytesIn(),
                c.bytesOut(),
                f.wallMillis(),
                f.peakHeapBytes(),
                f.largestBodyBytes());
        if (f.status().startsWith("APPLIED/")) {
            // The tracker's way wrote a sample of the spools: scale its writes to all of them.
            String[] parts = f.status().split("/");
            long readMillis = Long.parseLong(parts[1]);
            int spools = Integer.parseInt(parts[2]);
            int written = Integer.parseInt(parts[3]);
            double scale = (double) spools / written;
            sampled = written;
            row = new Row(
                    state,
                    impl + " (" + written + " writes measured, scaled to " + spools + ")",
                    "APPLIED",
                    c.reads(),
                    spools,
                    Math.round(c.bytesIn() * scale),
                    c.bytesOut() + Math.round((c.bytesOut() - c.bytesOut("values.get")) * (scale - 1)),
                    readMillis + Math.round((f.wallMillis() - readMillis) * scale),
                    f.peakHeapBytes(),
                    f.largestBodyBytes());
        }
        System.err.printf(
                "  %-22s %-14s %-10s reads=%d writes=%d sent=%d received=%d wall=%dms heap=%dMB%n",
                state,
                impl,
                row.status(),
                row.reads(),
                row.writes(),
                row.sent(),
                row.received(),
                row.wallMillis(),
                row.peakHeap() >> 20);
        rows.add(row);
    }

    private void print(PrintStream out, int spools, int unions) {
        out.printf(
                "%n### Metrics refresh: %,d spools (Operaciones, 72 columns), %,d unions (Uniones, 22 columns)%n%n",
                spools, unions);
        out.printf(
                "Ours: child JVM -Xmx%s, migration step and refresh in one call (the migration finds the sheet "
                        + "migrated), no audit sheet. Tracker's way: child JVM -Xmx%s; reads Operaciones and Uniones whole, then "
                        + "one values.update per spool. Bytes on the wire (gzip) as the emulator counted them.%n%n",
                heap, trackerHeap);
        out.println(
                "| state | impl | status | reads | writes | calls | sent | received | wall | peak heap | largest body |");
        out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.printf(
                    "| %s | %s | %s | %d | %d | %d | %s | %s | %s | %s | %s |%n",
                    r.state(),
                    r.impl(),
                    r.status(),
                    r.reads(),
                    r.writes(),
                    r.calls(),
                    Report.bytes(r.sent()),
                    Report.bytes(r.received()),
                    Report.millis(r.wallMillis()),
                    Report.bytes(r.peakHeap()),
                    Report.bytes(r.largestBody()));
        }
        out.printf("%nReading both sheets whole (the tracker's two values.get): %s.%n", Report.bytes(bothSheetsWhole));
        for (Row r : rows) {
            if (r.impl().startsWith("tracker")) {
                out.printf(
                        "The tracker's way, %s: %,d writes at Google's 60 writes per minute per user = %.0f minutes "
                                + "of quota (%.1f hours).%n",
                        r.state(), r.writes(), r.writes() / 60.0, r.writes() / 3600.0);
            }
        }
        out.printf("%n| target | ours | met |%n|---|---|---|%n");
        for (Row r : rows) {
            if (!r.impl().startsWith("ours")) {
                continue;
            }
            // No drift: Uniones and Operaciones read, nothing written. Drift: one write, and the one read that
            // verifies no row moved under it.
            int maxCalls = r.state().startsWith("no") ? 2 : 4;
            target(out, r, "calls <= " + maxCalls, Integer.toString(r.calls()), r.calls() <= maxCalls);
            target(out, r, "wall <= 10 s", Report.millis(r.wallMillis()), r.wallMillis() <= 10_000);
            target(out, r, "peak heap <= 256 MiB", Report.bytes(r.peakHeap()), r.peakHeap() <= 256L << 20);
            target(
                    out,
                    r,
                    "bytes read <= 1/3 of both sheets whole",
                    String.format("%s (%.2f)", Report.bytes(r.received()), (double) r.received() / bothSheetsWhole),
                    r.received() * 3 <= bothSheetsWhole);
        }
    }

    private static void target(PrintStream out, Row r, String what, String value, boolean met) {
        out.printf("| %s, %s: %s | %s | %s |%n", r.state(), r.impl(), what, value, met ? "yes" : "NO");
    }
}
