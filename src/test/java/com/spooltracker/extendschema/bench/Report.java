package com.spooltracker.extendschema.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Prints the benchmark's figures as Markdown: the machine, the runs, ratios to the baseline, targets, cold start. */
final class Report {
    private static final long MAX_BODY = 2L * 1024 * 1024;

    private Report() {}

    static void machine(PrintStream out) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        } catch (Exception e) {
            // not Linux: the CPU model is only informative
        }
        out.printf(
                "Machine: %d CPUs (%s), %.1f GiB RAM, %s %s; Java %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"));
    }

    static void print(
            PrintStream out,
            List<Benchmark.Row> rows,
            List<Benchmark.ColdStartRow> coldStart,
            String heap,
            String baselineHeap) {
        out.printf(
                "### Runs%n%nOurs: child JVM -Xmx%s; baseline: child JVM -Xmx%s. Calls and bytes as the emulator "
                        + "counted them; bytes are request/response bodies on the wire (gzip). Largest body: the largest "
                        + "request body before compression. Wall: the run as the function "
                        + "times it; emulator reads: the same reads replayed against the emulator after the run (its share of "
                        + "the wall time). Peak heap: the instance JVM's.%n%n",
                heap, baselineHeap);
        out.println(
                "| rows | run | impl | status | reads | writes | sent | received | wall | emulator reads | peak heap | largest body |");
        out.println("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Benchmark.Row r : rows) {
            out.printf(
                    "| %,d | %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s |%n",
                    r.rows(),
                    r.run().label,
                    r.impl(),
                    r.status(),
                    r.reads(),
                    r.writes(),
                    bytes(r.sent()),
                    bytes(r.received()),
                    millis(r.wallMillis()),
                    millis(r.emulatorReadMillis()),
                    bytes(r.peakHeap()),
                    bytes(r.largestBody()));
        }
        out.printf("%n### Ratios: ours (warm) / baseline%n%n");
        out.println("| rows | run | calls | sent | received | wall | peak heap |");
        out.println("|---:|---|---:|---:|---:|---:|---:|");
        for (Benchmark.Row ours : rows) {
            if (!ours.impl().equals("ours, warm")) {
                continue;
            }
            find(rows, ours.rows(), ours.run(), "baseline")
                    .ifPresent(base -> out.printf(
                            "| %,d | %s | %s | %s | %s | %s | %s |%n",
                            ours.rows(),
                            ours.run().label,
                            ratio(ours.calls(), base.calls()),
                            ratio(ours.sent(), base.sent()),
                            ratio(ours.received(), base.received()),
                            ratio(ours.wallMillis(), base.wallMillis()),
                            ratio(ours.peakHeap(), base.peakHeap())));
        }
        targets(out, rows, coldStart, heap);
        if (!coldStart.isEmpty()) {
            out.printf(
                    "%n### Cold start: process launch to first 200 (median of %d alternating launches each)%n%n",
                    coldStart.get(0).rounds());
            out.println("| JAVA_TOOL_OPTIONS | hello world | extendSchema (dry run) | ratio |");
            out.println("|---|---:|---:|---:|");
            for (Benchmark.ColdStartRow c : coldStart) {
                out.printf(
                        "| `%s` | %d ms | %d ms | %.2f |%n", c.options(), c.helloMedian(), c.oursMedian(), c.ratio());
            }
        }
    }

    private static void targets(
            PrintStream out, List<Benchmark.Row> rows, List<Benchmark.ColdStartRow> coldStart, String heap) {
        out.printf("%n### Targets%n%n");
        for (Benchmark.Row r : rows) {
            if (r.run() == Benchmark.Run.FRESH && r.impl().startsWith("ours")) {
                // 3 reads (Operaciones with the schema history, Metadata's header while its migration is
                // pending, Operaciones again: the last read before a write) + 2 writes.
                int limit = 5;
                check(
                        out,
                        r.calls() <= limit,
                        "%,d rows, fresh apply, %s: %d calls (≤ %d)",
                        r.rows(),
                        r.impl(),
                        r.calls(),
                        limit);
            }
            if (r.run() == Benchmark.Run.UP_TO_DATE && r.impl().equals("ours, warm")) {
                check(
                        out,
                        r.reads() == 1 && r.writes() == 0,
                        "%,d rows, up-to-date, warm: %d read, %d writes (1 read)",
                        r.rows(),
                        r.reads(),
                        r.writes());
            }
            if (r.impl().startsWith("ours")) {
                // A fresh apply of a v3.0 sheet reads Operaciones twice: Metadata's pending migration is read in
                // between, and the last read before a write is Operaciones'. Each read stays under 1/8.
                int reads = r.run() == Benchmark.Run.FRESH ? 2 : 1;
                find(rows, r.rows(), r.run(), "baseline")
                        .ifPresent(base -> check(
                                out,
                                r.received() * 8 <= base.received() * reads,
                                "%,d rows, %s, %s: received %s, baseline %s (≤ %d/8: %s)",
                                r.rows(),
                                r.run().label,
                                r.impl(),
                                bytes(r.received()),
                                bytes(base.received()),
                                reads,
                                ratio(r.received(), base.received())));
                check(
                        out,
                        r.largestBody() <= MAX_BODY && !r.status().startsWith("FAILED"),
                        "%,d rows, %s, %s: %s, largest request body %s (≤ 2 MiB)",
                        r.rows(),
                        r.run().label,
                        r.impl(),
                        r.status(),
                        bytes(r.largestBody()));
            }
            if (r.rows() >= 138_000 && r.impl().startsWith("ours")) {
                if (r.run() == Benchmark.Run.FRESH) {
                    check(
                            out,
                            r.wallMillis() <= 30_000 && r.status().equals("APPLIED"),
                            "%,d rows, fresh apply, %s, -Xmx%s: %s (≤ 30 s)",
                            r.rows(),
                            r.impl(),
                            heap,
                            millis(r.wallMillis()));
                }
                if (r.run() == Benchmark.Run.UP_TO_DATE) {
                    check(
                            out,
                            r.wallMillis() <= 3_000 && r.status().equals("UP_TO_DATE"),
                            "%,d rows, up-to-date, %s: %s (≤ 3 s), of which the emulator's answer ≈ %s",
                            r.rows(),
                            r.impl(),
                            millis(r.wallMillis()),
                            millis(r.emulatorReadMillis()));
                }
            }
        }
        for (Benchmark.ColdStartRow c : coldStart) {
            check(
                    out,
                    c.ratio() <= 1.6,
                    "cold start with `%s`: %d ms vs hello world %d ms = %.2f× (≤ 1.6×)",
                    c.options(),
                    c.oursMedian(),
                    c.helloMedian(),
                    c.ratio());
        }
    }

    private static Optional<Benchmark.Row> find(List<Benchmark.Row> rows, int size, Benchmark.Run run, String impl) {
        return rows.stream()
                .filter(r -> r.rows() == size && r.run() == run && r.impl().equals(impl))
                .findFirst();
    }

    private static void check(PrintStream out, boolean holds, String format, Object... args) {
        out.println("- " + (holds ? "PASS " : "FAIL ") + String.format(format, args));
    }

    private static String ratio(long ours, long baseline) {
        if (baseline == 0) {
            return ours == 0 ? "–" : "∞";
        }
        return String.format("%.3f", (double) ours / baseline);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String millis(long millis) {
        return millis < 10_000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }
}
