package com.spooltracker.extendschema.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs that race on one sheet: CLI processes (each its own JVM, not serialized with anything) and
 * concurrent POSTs into one function instance, fired once the first process is reading so that they
 * overlap the processes' runs. Every POST must answer 200 and every process exit 0.
 *
 * @param posts the POSTs' answers, in the order they were sent
 * @param cliOutputs each process's output (stdout and stderr)
 */
public record Race(List<Response> posts, List<String> cliOutputs) {

    public static Race run(
            SheetsEmulator emulator, FunctionServer function, String query, int posts, int processes, String... cliArgs)
            throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            started.add(cli(emulator.hostPort(), cliArgs).start());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (emulator.requestLog().isEmpty() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            sent.add(pool.submit(() -> function.post(query)));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> post : sent) {
            Response response = post.get(120, TimeUnit.SECONDS);
            assertEquals(200, response.status(), response::toString);
            answers.add(response);
        }
        pool.shutdown();
        List<String> outputs = new ArrayList<>();
        for (Process process : started) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
            assertEquals(0, process.exitValue(), output);
            outputs.add(output);
        }
        return new Race(answers, outputs);
    }

    /** The CLI in a JVM of its own, on this test's classpath, against the emulator. */
    private static ProcessBuilder cli(String emulatorHostPort, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "com.spooltracker.extendschema.Cli",
                "--emulator",
                emulatorHostPort));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SPREADSHEET_ID");
        builder.environment().remove("SHEETS_EMULATOR_HOST");
        return builder;
    }
}
