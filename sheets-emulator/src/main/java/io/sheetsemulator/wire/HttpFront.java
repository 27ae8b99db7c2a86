package io.sheetsemulator.wire;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sheetsemulator.control.EmulatorClock;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.model.Workbook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP shell: reads (and gunzips) bodies, routes, applies faults and quota, calls the API (which
 * applies {@code fields}), gzips answers for clients that accept it, and logs every API request.
 */
public final class HttpFront implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());

    private final SheetsApi api;
    private final AdminApi admin;
    private final FaultBook faults;
    private final QuotaGate quota;
    private final Traffic traffic;
    private final EmulatorClock clock;
    private final Hooks hooks;

    public HttpFront(
            Workbook workbook,
            Control control,
            FaultBook faults,
            QuotaGate quota,
            Traffic traffic,
            EmulatorClock clock,
            Hooks hooks) {
        this.api = new SheetsApi(workbook, hooks);
        this.hooks = hooks;
        this.admin = new AdminApi(control);
        this.faults = faults;
        this.quota = quota;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** One answer: status, UTF-8 JSON body (null for the plain 502) and an optional Retry-After. */
    record Answer(int status, byte[] json, Integer retryAfterSeconds) {
        static Answer of(int status, JsonObject body, Integer retryAfterSeconds) {
            return new Answer(status, body == null ? null : Json.bytes(body), retryAfterSeconds);
        }

        static Answer ok(JsonObject body) {
            return of(200, body, null);
        }

        static Answer error(SheetsError e) {
            return of(e.httpStatus(), ErrorBody.of(e.httpStatus(), e.status(), e.getMessage()), null);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.startsWith("/admin/")) {
                byte[] body = decoded(exchange, exchange.getRequestBody().readAllBytes());
                Answer answer = admin.handle(exchange.getRequestMethod(), rawPath.substring("/admin/".length()), body);
                write(exchange, answer.status(), encode(exchange, answer));
                return;
            }
            serveApi(exchange, rawPath);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "request failed", e);
        } finally {
            exchange.close();
        }
    }

    private void serveApi(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        Route route = Route.resolve(method, rawPath);
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Sent sent = new Sent(headers(exchange), recordedBody(exchange, raw));
        hooks.beforeCall(route);
        FaultRule.Action fault = faults.decide(route.endpoint(), method, rawPath);

        if (fault instanceof FaultRule.Action.DropBeforeAnswer) {
            log(sent, method, route, pathAndQuery, 0, raw.length, 0, "fault:drop");
            return; // exchange.close() without a response closes the connection
        }
        if (fault instanceof FaultRule.Action.Status s) {
            Answer answer = Answer.of(
                    s.code(), ErrorBody.forFault(s.code(), s.reason(), route.isWrite(method)), s.retryAfterSeconds());
            byte[] out = encode(exchange, answer);
            log(sent, method, route, pathAndQuery, s.code(), raw.length, out.length, "fault:" + s.code());
            write(exchange, s.code(), out);
            return;
        }
        if (fault instanceof FaultRule.Action.Respond respond && !respond.applyFirst()) {
            respond(exchange, sent, method, route, pathAndQuery, raw.length, respond);
            return;
        }
        if (fault instanceof FaultRule.Action.Delay d) {
            sleep(d.delay());
        }
        boolean counted = !route.endpoint().equals(Route.UNKNOWN);
        if (counted && !quota.admit(route.isWrite(method))) {
            byte[] out = encode(exchange, Answer.of(429, ErrorBody.quotaExceeded(route.isWrite(method)), null));
            log(sent, method, route, pathAndQuery, 429, raw.length, out.length, "quota");
            write(exchange, 429, out);
            return;
        }
        Answer answer = answer(exchange, route, rawQuery, raw);
        if (fault instanceof FaultRule.Action.ApplyThenDrop) {
            log(sent, method, route, pathAndQuery, 0, raw.length, 0, "fault:applyThenDrop");
            return;
        }
        if (fault instanceof FaultRule.Action.Respond respond) {
            respond(exchange, sent, method, route, pathAndQuery, raw.length, respond);
            return;
        }
        byte[] out = encode(exchange, answer);
        String outcome = fault instanceof FaultRule.Action.Delay
                ? "fault:delay"
                : answer.status() == 200 ? "ok" : "error:" + answer.status();
        // Logged before the answer leaves, so a caller that has its response also sees the record.
        log(sent, method, route, pathAndQuery, answer.status(), raw.length, out.length, outcome);
        write(exchange, answer.status(), out);
    }

    private void respond(
            HttpExchange exchange,
            Sent sent,
            String method,
            Route route,
            String pathAndQuery,
            int inBytes,
            FaultRule.Action.Respond respond)
            throws IOException {
        byte[] out =
                encode(exchange, new Answer(respond.code(), respond.body().getBytes(StandardCharsets.UTF_8), null));
        log(sent, method, route, pathAndQuery, respond.code(), inBytes, out.length, "fault:respond");
        write(exchange, respond.code(), out);
    }

    private Answer answer(HttpExchange exchange, Route route, String rawQuery, byte[] raw) {
        if (route.endpoint().equals(Route.UNKNOWN)) {
            return Answer.of(404, ErrorBody.of(404, "NOT_FOUND", "Method not found."), null);
        }
        try {
            QueryParams query = QueryParams.parse(rawQuery);
            JsonObject body = Json.object(decoded(exchange, raw));
            return new Answer(200, api.handle(route, query, body), null);
        } catch (SheetsError e) {
            return Answer.error(e);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException e) {
            // Gson's typed accessors throw these when a field has the wrong JSON type: the client's mistake.
            LOG.log(Level.FINE, "malformed request", e);
            return Answer.error(
                    SheetsError.invalid("Invalid JSON payload received. A field has a value of the wrong type."));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in the Sheets emulator", e);
            return Answer.of(500, ErrorBody.of(500, "INTERNAL", "Internal error encountered."), null);
        }
    }

    private static byte[] decoded(HttpExchange exchange, byte[] raw) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || !encoding.toLowerCase().contains("gzip") || raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SheetsError.invalid("Invalid gzip request body.");
        }
    }

    /** Sets the headers for the answer and returns its body bytes as they will be sent. */
    private static byte[] encode(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body;
        if (answer.json() == null) {
            body = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        } else {
            body = answer.json();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        }
        if (answer.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(answer.retryAfterSeconds()));
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.toLowerCase().contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Vary", "Origin, X-Origin, Referer");
        return body;
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What the client sent besides method and path: its headers and its body, un-gzipped, as text. */
    private record Sent(Map<String, List<String>> headers, String body) {}

    private void log(
            Sent sent, String method, Route route, String pathAndQuery, int status, long in, long out, String outcome) {
        traffic.record(new RequestRecord(
                method, route.endpoint(), pathAndQuery, status, in, out, outcome, sent.headers(), sent.body()));
    }

    /** The request's headers, names in lower case (HTTP names are case-insensitive), values in order. */
    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.merge(
                        name.toLowerCase(Locale.ROOT),
                        List.copyOf(values),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return headers;
    }

    /** The body as the API reads it, or the bytes as sent when they are not valid gzip (the API refuses those). */
    private static String recordedBody(HttpExchange exchange, byte[] raw) {
        try {
            return new String(decoded(exchange, raw), StandardCharsets.UTF_8);
        } catch (IOException | SheetsError e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    private void sleep(Duration delay) {
        try {
            clock.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
