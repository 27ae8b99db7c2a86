package io.sheetsemulator.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

    /**
     * The endpoint names a rule can match, as counters and the request log name them; {@code unknown} is
     * a request to no Sheets method.
     */
    public static final List<String> ENDPOINTS = List.of(
            "developerMetadata.get",
            "developerMetadata.search",
            "spreadsheets.batchUpdate",
            "spreadsheets.create",
            "spreadsheets.get",
            "spreadsheets.getByDataFilter",
            "unknown",
            "values.append",
            "values.batchClear",
            "values.batchClearByDataFilter",
            "values.batchGet",
            "values.batchGetByDataFilter",
            "values.batchUpdate",
            "values.batchUpdateByDataFilter",
            "values.clear",
            "values.get",
            "values.update");

    /**
     * @throws IllegalArgumentException for an endpoint not in {@link #ENDPOINTS} (names are case-sensitive),
     *     a path regex that does not compile, or counts out of range; a rule that could never fire, or would
     *     break every request it meets, is refused when it is made
     */
    public FaultRule {
        if (endpoint == null && (method == null || pathRegex == null)) {
            throw new IllegalArgumentException("a fault rule needs an endpoint, or a method and a path regex");
        }
        if (endpoint != null && !ENDPOINTS.contains(endpoint)) {
            throw new IllegalArgumentException(
                    "unknown endpoint \"" + endpoint + "\"; valid endpoints: " + String.join(", ", ENDPOINTS));
        }
        if (endpoint == null) {
            try {
                Pattern.compile(pathRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "invalid path regex \"" + pathRegex + "\": " + e.getDescription() + " near index "
                                + e.getIndex(),
                        e);
            }
        }
        if (nth < 1 || times < 0) {
            throw new IllegalArgumentException("nth must be >= 1 and times >= 0");
        }
        Objects.requireNonNull(action, "action");
        int code = action instanceof Action.Status s ? s.code() : action instanceof Action.Respond r ? r.code() : 200;
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("a fault's HTTP status code must be 200..599, got " + code);
        }
        if (action instanceof Action.Delay d && (d.delay() == null || d.delay().isNegative())) {
            throw new IllegalArgumentException("a fault's delay must be >= 0");
        }
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
}
