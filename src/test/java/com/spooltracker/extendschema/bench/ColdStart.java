package com.spooltracker.extendschema.bench;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Launch to first 200: a new JVM runs the Functions Framework invoker (the same 2.0.0 jar production
 * uses) for a function, and the clock stops at the first 200 answer to a GET. Ours answers a dry run
 * against an emulator that is already running, so no emulator start is counted.
 */
final class ColdStart {
    private static final String INVOKER = "com.google.cloud.functions.invoker.runner.Invoker";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A function to launch: its classpath, target class and environment. */
    record Function(String name, String classpath, String target, Map<String, String> env) {}

    private final String invokerJar;

    ColdStart() {
        invokerJar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> new File(p).getName().startsWith("java-function-invoker-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("java-function-invoker is not on the classpath"));
    }

    /** Milliseconds from process launch to the first 200, with {@code javaToolOptions} as JAVA_TOOL_OPTIONS. */
    long launch(Function function, String javaToolOptions) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java",
                "-cp",
                invokerJar,
                INVOKER,
                "--classpath",
                function.classpath(),
                "--target",
                function.target(),
                "--port",
                Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (!javaToolOptions.isBlank()) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        builder.environment().putAll(function.env());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            long deadline = started + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return (System.nanoTime() - started) / 1_000_000;
                    }
                    throw new IllegalStateException(
                            function.name() + " answered " + response.statusCode() + ": " + response.body());
                } catch (ConnectException notListeningYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(function.name() + " exited with " + process.exitValue());
                    }
                    Thread.sleep(2);
                }
            }
            throw new IllegalStateException(function.name() + " did not answer within 60 s");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
