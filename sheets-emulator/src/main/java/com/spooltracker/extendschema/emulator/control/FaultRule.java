package com.spooltracker.extendschema.emulator.control;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault to inject, as a value: which requests it matches, which of them it hits, and what it does.
 *
 * <pre>
 * FaultRule.on("values.batchUpdate").nth(1).times(1).status(503).retryAfter(2)
 * FaultRule.on("spreadsheets.get").status(403).reason("SERVICE_DISABLED")
 * FaultRule.on("spreadsheets.batchUpdate").applyThenDrop()
 * FaultRule.onRequest("GET", "/v4/spreadsheets/demo.*").times(0).delay(Duration.ofSeconds(3))
 * </pre>
 *
 * A rule counts the requests it matches from the moment it is added; it fires from the {@code nth}
 * match on (1-based, default 1) and then {@code times} times in all (default 1, 0 = unlimited).
 * Beware: the JDK's HttpURLConnection silently resends a GET once when the connection drops, so a
 * drop that must reach a GET caller needs {@code times(2)}.
 *
 * @param endpoint the endpoint name ({@code values.get}, ...), or null when matching by method and path
 * @param method the HTTP method to match when {@code endpoint} is null
 * @param pathRegex a regex the raw request path must match entirely, when {@code endpoint} is null
 */
public record FaultRule(String endpoint, String method, String pathRegex, int nth, int times, Action action) {

    public FaultRule {
        if (endpoint == null && (method == null || pathRegex == null)) {
            throw new IllegalArgumentException("a fault rule needs an endpoint, or a method and a path regex");
        }
        if (nth < 1 || times < 0) {
            throw new IllegalArgumentException("nth must be >= 1 and times >= 0");
        }
        Objects.requireNonNull(action, "action");
    }

    /** What a fired rule does. */
    public sealed interface Action {
        /**
         * Answer this status with Google's error body for it, optionally with {@code Retry-After}; with a
         * {@code reason}, the body Google sends for that cause, its {@code details} included (see
         * {@link FaultRule#reason}).
         */
        record Status(int code, Integer retryAfterSeconds, String reason) implements Action {}

        /** Wait, then handle the request normally. */
        record Delay(Duration delay) implements Action {}

        /** Close the connection without applying or answering. */
        record DropBeforeAnswer() implements Action {}

        /** Apply the request, then close the connection without answering. */
        record ApplyThenDrop() implements Action {}

        /**
         * Answer {@code code} with {@code body} (JSON text, sent as is), after applying the request
         * when {@code applyFirst}: an upstream that misbehaves, e.g. valid JSON of the wrong shape.
         */
        record Respond(int code, String body, boolean applyFirst) implements Action {}
    }

    public static Target on(String endpoint) {
        return new Target(Objects.requireNonNull(endpoint), null, null, 1, 1);
    }

    public static Target onRequest(String method, String pathRegex) {
        return new Target(null, Objects.requireNonNull(method), Objects.requireNonNull(pathRegex), 1, 1);
    }

    /** The matching half of a rule; finish it with an action. */
    public record Target(String endpoint, String method, String pathRegex, int nth, int times) {
        public Target nth(int n) {
            return new Target(endpoint, method, pathRegex, n, times);
        }

        public Target times(int n) {
            return new Target(endpoint, method, pathRegex, nth, n);
        }

        public FaultRule status(int code) {
            return with(new Action.Status(code, null, null));
        }

        public FaultRule delay(Duration delay) {
            return with(new Action.Delay(delay));
        }

        public FaultRule dropBeforeAnswer() {
            return with(new Action.DropBeforeAnswer());
        }

        public FaultRule applyThenDrop() {
            return with(new Action.ApplyThenDrop());
        }

        /** Answers {@code body} instead of handling the request. */
        public FaultRule respond(int code, String body) {
            return with(new Action.Respond(code, body, false));
        }

        /** Applies the request, then answers {@code body} instead of the real answer. */
        public FaultRule applyThenRespond(int code, String body) {
            return with(new Action.Respond(code, body, true));
        }

        private FaultRule with(Action action) {
            return new FaultRule(endpoint, method, pathRegex, nth, times, action);
        }
    }

    /** This status rule with a {@code Retry-After: seconds} header. */
    public FaultRule retryAfter(int seconds) {
        if (!(action instanceof Action.Status s)) {
            throw new IllegalStateException("retryAfter applies to status faults only");
        }
        return new FaultRule(endpoint, method, pathRegex, nth, times, new Action.Status(s.code(), seconds, s.reason()));
    }

    /**
     * This status rule answering with the body Google sends for {@code reason}, {@code details} included:
     * <ul>
     * <li>{@code SERVICE_DISABLED} (403): the Sheets API is disabled in the caller's project ("Google Sheets API
     *     has not been used in project N before or it is disabled. Enable it by visiting ..."), with an
     *     ErrorInfo (reason SERVICE_DISABLED, domain googleapis.com, metadata service and consumer), a
     *     LocalizedMessage and a Help link;
     * <li>{@code QUOTA_PROJECT_MISSING} (403): an emulator name for what Google answers user credentials that
     *     have no quota project: "Your application is authenticating by using local Application Default
     *     Credentials. ..." with an ErrorInfo whose reason is also SERVICE_DISABLED but whose consumer is the
     *     gcloud client's project, projects/764086051850;
     * <li>{@code ACCESS_TOKEN_SCOPE_INSUFFICIENT} (403): "Request had insufficient authentication scopes.";
     * <li>{@code RATE_LIMIT_EXCEEDED} (429): the per-minute quota message with quota_metric and quota_limit
     *     metadata (read or write quota, after the request's method);
     * <li>any other reason: the status's usual body with an ErrorInfo naming that reason.
     * </ul>
     * Without a reason a 403 is the plain "The caller does not have permission" of a sheet not shared with
     * the caller (no details), and a 429 is RATE_LIMIT_EXCEEDED.
     */
    public FaultRule reason(String reason) {
        if (!(action instanceof Action.Status s)) {
            throw new IllegalStateException("reason applies to status faults only");
        }
        return new FaultRule(
                endpoint,
                method,
                pathRegex,
                nth,
                times,
                new Action.Status(s.code(), s.retryAfterSeconds(), Objects.requireNonNull(reason, "reason")));
    }

    public boolean matches(String requestEndpoint, String requestMethod, String rawPath) {
        if (endpoint != null) {
            return endpoint.equals(requestEndpoint);
        }
        return method.equalsIgnoreCase(requestMethod)
                && Pattern.compile(pathRegex).matcher(rawPath).matches();
    }

    /**
     * Reads the admin API's JSON: {@code {"endpoint":"values.batchUpdate","nth":1,"times":1,"action":"status",
     * "code":503,"retryAfterSeconds":2}} (and optionally {@code "reason":"SERVICE_DISABLED"}); or {@code "method"}
     * and {@code "path"} instead of {@code "endpoint"}; actions {@code status|delay|drop|applyThenDrop|respond|
     * applyThenRespond}, {@code delayMs} for delay, {@code code} and {@code body} (JSON text) for the respond actions.
     */
    public static FaultRule fromJson(JsonObject json) {
        Target target = json.has("endpoint")
                ? on(json.get("endpoint").getAsString())
                : onRequest(need(json, "method"), need(json, "path"));
        if (json.has("nth")) {
            target = target.nth(json.get("nth").getAsInt());
        }
        if (json.has("times")) {
            target = target.times(json.get("times").getAsInt());
        }
        String action = need(json, "action");
        return switch (action) {
            case "status" -> {
                FaultRule rule = target.status(json.get("code").getAsInt());
                rule = json.has("retryAfterSeconds")
                        ? rule.retryAfter(json.get("retryAfterSeconds").getAsInt())
                        : rule;
                yield json.has("reason") ? rule.reason(json.get("reason").getAsString()) : rule;
            }
            case "delay" -> target.delay(Duration.ofMillis(json.get("delayMs").getAsLong()));
            case "drop" -> target.dropBeforeAnswer();
            case "applyThenDrop" -> target.applyThenDrop();
            case "respond" -> target.respond(json.get("code").getAsInt(), need(json, "body"));
            case "applyThenRespond" -> target.applyThenRespond(json.get("code").getAsInt(), need(json, "body"));
            default -> throw new IllegalArgumentException("unknown fault action: " + action);
        };
    }

    private static String need(JsonObject json, String key) {
        if (!json.has(key)) {
            throw new IllegalArgumentException("fault rule: missing " + key);
        }
        return json.get(key).getAsString();
    }
}
