package com.spooltracker.extendschema.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM that plays one function instance for the benchmark: {@code Worker ours|baseline|tracker HOST:PORT}
 * reads {@code dry}, {@code apply}, {@code refresh} or {@code refresh-dry} lines on stdin and answers each with one
 * {@code RESULT status wallMillis peakHeapBytes largestBodyBytes} line on stdout.
 */
public final class Worker {
    private Worker() {}

    public static void main(String[] args) throws Exception {
        Instance instance = switch (args[0]) {
            case "ours" -> Instance.ours(args[1]);
            case "tracker" -> Instance.tracker(args[1]);
            default -> Instance.baseline(args[1]);
        };
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            try {
                Instance.Figures f = line.startsWith("refresh")
                        ? instance.refresh(line.equals("refresh-dry"))
                        : instance.run(line.equals("dry"));
                out.println("RESULT " + f.status() + " " + f.wallMillis() + " " + f.peakHeapBytes() + " "
                        + f.largestBodyBytes());
            } catch (Throwable t) {
                out.println("RESULT FAILED:" + t.getClass().getSimpleName() + " 0 0 0");
                t.printStackTrace();
            }
        }
    }
}
