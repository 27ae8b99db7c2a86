package com.spooltracker.extendschema.logging;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One log line per call. On Cloud Run (structured) a line is a JSON object in Cloud Logging's
 * structured format: {@code severity}, {@code message}, the trace fields taken from the
 * request's {@code X-Cloud-Trace-Context} header, then the caller's fields (numbers stay
 * numbers, maps nest). Locally a line is readable text: {@code INFO extendSchema: message
 * key=value ...}.
 *
 * <p>Text that looks like a credential (bearer tokens, {@code ya29.} access tokens, JWTs,
 * private keys) is replaced by {@code [REDACTED]}, in the message and in every field value,
 * and fields named like secrets (token, authorization, password, ...) are withheld entirely.
 * Callers must still not pass credentials: this is defence in depth.
 *
 * <p>Thread-safe: each entry is built first and written with a single {@code println}.
 */
public final class Log {

    /** Cloud Logging severities used by this function. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    static final String TRACE = "logging.googleapis.com/trace";
    static final String SPAN_ID = "logging.googleapis.com/spanId";
    static final String TRACE_SAMPLED = "logging.googleapis.com/trace_sampled";
    private static final String SOURCE = "extendSchema";
    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final boolean structured;
    private final String projectId;
    private final PrintStream out;

    private Log(boolean structured, String projectId, PrintStream out) {
        this.structured = structured;
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId;
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * @param structured JSON lines for Cloud Logging, or readable text
     * @param projectId the project that owns the traces; null to omit trace fields
     * @param out where entries go, one line each
     */
    public static Log create(boolean structured, String projectId, PrintStream out) {
        return new Log(structured, projectId, out);
    }

    /**
     * @param fields extra values (nullable); String keys, values may be strings, numbers,
     *     booleans, maps, collections or arrays (anything else is logged as its toString)
     * @param traceContextHeader the request's X-Cloud-Trace-Context header, or null
     */
    public void info(String message, Map<String, ?> fields, String traceContextHeader) {
        log(Severity.INFO, message, fields, traceContextHeader);
    }

    /** As {@link #info}, at WARNING. */
    public void warning(String message, Map<String, ?> fields, String traceContextHeader) {
        log(Severity.WARNING, message, fields, traceContextHeader);
    }

    /** As {@link #info}, at ERROR. */
    public void error(String message, Map<String, ?> fields, String traceContextHeader) {
        log(Severity.ERROR, message, fields, traceContextHeader);
    }

    public void log(Severity severity, String message, Map<String, ?> fields, String traceContextHeader) {
        String safeMessage = Redaction.redact(message == null ? "" : message);
        Map<String, ?> safeFields = fields == null ? Map.of() : fields;
        String line = structured
                ? jsonLine(severity, safeMessage, safeFields, traceContextHeader)
                : textLine(severity, safeMessage, safeFields);
        out.println(line);
    }

    private String jsonLine(Severity severity, String message, Map<String, ?> fields, String traceContextHeader) {
        JsonObject entry = new JsonObject();
        entry.addProperty("severity", severity.name());
        entry.addProperty("message", message);
        Optional<TraceContext> trace = TraceContext.parse(traceContextHeader);
        if (trace.isPresent() && projectId != null) {
            entry.addProperty(TRACE, trace.get().resourceName(projectId));
            if (trace.get().spanIdHex() != null) {
                entry.addProperty(SPAN_ID, trace.get().spanIdHex());
            }
            if (trace.get().sampled() != null) {
                entry.addProperty(TRACE_SAMPLED, trace.get().sampled());
            }
        }
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String key = String.valueOf(field.getKey());
            // A field never overrides the entry's own severity, message or trace.
            String name = entry.has(key) || key.startsWith("logging.googleapis.com/") ? "field." + key : key;
            entry.add(name, json(key, field.getValue()));
        }
        return GSON.toJson(entry);
    }

    private static String textLine(Severity severity, String message, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder()
                .append(severity.name())
                .append(' ')
                .append(SOURCE)
                .append(": ")
                .append(oneLine(message));
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String key = String.valueOf(field.getKey());
            JsonElement value = json(key, field.getValue());
            line.append(' ').append(key).append('=').append(text(value));
        }
        return line.toString();
    }

    private static String text(JsonElement value) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String s = value.getAsString();
            boolean plain = !s.isEmpty()
                    && s.chars()
                            .noneMatch(c ->
                                    Character.isWhitespace(c) || c == '"' || c == '=' || Character.isISOControl(c));
            return plain ? s : GSON.toJson(value);
        }
        return GSON.toJson(value);
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Converts a field value to JSON without reflection, redacting every string in it. */
    private static JsonElement json(String key, Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (Redaction.isSecretName(key)) {
            return new JsonPrimitive(Redaction.REDACTED);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            boolean finite =
                    !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
            return finite ? new JsonPrimitive(n) : new JsonPrimitive(n.toString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), json(String.valueOf(k), v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            JsonArray array = new JsonArray();
            items.forEach(item -> array.add(json(key, item)));
            return array;
        }
        if (value instanceof Object[] items) {
            JsonArray array = new JsonArray();
            for (Object item : items) {
                array.add(json(key, item));
            }
            return array;
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name());
        }
        return new JsonPrimitive(Redaction.redact(String.valueOf(value)));
    }
}
