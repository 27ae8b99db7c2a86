package com.spooltracker.extendschema.testing;

import com.google.cloud.functions.invoker.runner.Invoker;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The function served by the real Functions Framework invoker on a free port, configured through
 * system properties of the same names as the environment variables (read once, when the invoker
 * creates the function instance).
 */
public final class FunctionServer implements AutoCloseable {
    private static final String TARGET = "com.spooltracker.extendschema.ExtendSchemaFunction";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Invoker invoker;
    private final int port;

    private FunctionServer(Invoker invoker, int port) {
        this.invoker = invoker;
        this.port = port;
    }

    /** Serves the function against the emulator at {@code emulatorHostPort}, spreadsheet {@code spreadsheetId}. */
    public static FunctionServer start(String emulatorHostPort, String spreadsheetId) {
        return start(Map.of("SHEETS_EMULATOR_HOST", emulatorHostPort, "SPREADSHEET_ID", spreadsheetId));
    }

    public static FunctionServer start(Map<String, String> settings) {
        return start(TARGET, settings);
    }

    /** Serves {@code target}, an {@code HttpFunction} class with a no-arg constructor, with these settings. */
    public static FunctionServer start(String target, Map<String, String> settings) {
        try {
            return start(target, settings, freePort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * As {@link #start(String, Map)}, on {@code port}, given to the function as function:run gives it
     * ({@code run.port}).
     */
    public static FunctionServer start(String target, Map<String, String> settings, int port) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SHEETS_DEADLINE_SECONDS", "20");
        all.put("run.port", Integer.toString(port));
        all.putAll(settings);
        all.forEach(System::setProperty);
        try {
            Invoker invoker =
                    new Invoker(port, target, "http", Thread.currentThread().getContextClassLoader());
            invoker.startTestServer();
            return new FunctionServer(invoker, port);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the function", e);
        } finally {
            all.keySet().forEach(System::clearProperty);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Response post(String query) {
        return send("POST", query, null, null);
    }

    public Response get(String query) {
        return send("GET", query, null, null);
    }

    public Response postJson(String query, String body) {
        return send("POST", query, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Response send(String method, String query, String contentType, byte[] body) {
        return send(method, "", query, contentType, body, Map.of());
    }

    /** Any request: {@code path} after the root (no leading slash), extra {@code headers}. */
    public Response send(
            String method, String path, String query, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(url() + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(120))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            invoker.stopServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer of the function: status, headers and the body (JSON when it is JSON). */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The error's status word, e.g. "CONFLICT". */
        public String errorStatus() {
            return json().getAsJsonObject("error").get("status").getAsString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
