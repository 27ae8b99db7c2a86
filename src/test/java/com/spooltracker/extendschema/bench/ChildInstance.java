package com.spooltracker.extendschema.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link Worker} JVM with its own heap limit: one function instance, cold when started. */
final class ChildInstance implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private ChildInstance(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildInstance start(String impl, String emulatorHostPort, String maxHeap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.add("-Xmx" + maxHeap);
        command.add("-Dbench.trackerWrites=" + Integer.getInteger("bench.trackerWrites", 500));
        for (String option :
                System.getProperty("bench.workerJvmOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Worker.class.getName());
        command.add(impl);
        command.add(emulatorHostPort);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return new ChildInstance(builder.start());
    }

    Instance.Figures run(boolean dryRun) throws IOException {
        return send(dryRun ? "dry" : "apply");
    }

    /** The metrics refresh (or, for the tracker, its way), once. */
    Instance.Figures refresh(boolean dryRun) throws IOException {
        return send(dryRun ? "refresh-dry" : "refresh");
    }

    private Instance.Figures send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                return new Instance.Figures(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
            }
        }
        return new Instance.Figures("FAILED:exited", 0, 0, 0);
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException alreadyGone) {
            // the worker died; waitFor below returns at once
        }
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
