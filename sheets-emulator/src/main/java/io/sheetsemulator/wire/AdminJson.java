package io.sheetsemulator.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.Quota;
import java.time.Duration;
import java.util.List;

/**
 * The admin API's JSON for fault rules and quotas, read strictly: an unknown field, a value of the wrong
 * type or an unknown name is an IllegalArgumentException whose message names the valid ones, which the
 * admin API answers as a 400.
 */
final class AdminJson {

    /** The actions of a JSON fault rule. */
    static final List<String> ACTIONS =
            List.of("status", "delay", "drop", "applyThenDrop", "respond", "applyThenRespond");

    private static final List<String> FAULT_FIELDS = List.of(
            "endpoint",
            "method",
            "path",
            "nth",
            "times",
            "action",
            "code",
            "retryAfterSeconds",
            "reason",
            "delayMs",
            "body");

    private static final List<String> QUOTA_FIELDS = List.of("writesPerWindow", "readsPerWindow", "windowSeconds");

    private AdminJson() {}

    /**
     * {@code {"endpoint":"values.batchUpdate","nth":1,"times":1,"action":"status","code":503,
     * "retryAfterSeconds":2}} (and optionally {@code "reason":"SERVICE_DISABLED"}); or {@code "method"} and
     * {@code "path"} (a regex) instead of {@code "endpoint"}; actions {@link #ACTIONS}, {@code delayMs} for
     * delay, {@code code} and {@code body} (JSON text) for the respond actions.
     */
    static FaultRule fault(JsonObject json) {
        knownFields("fault rule", json, FAULT_FIELDS);
        FaultRule.Target target = json.has("endpoint")
                ? FaultRule.on(string(json, "endpoint"))
                : FaultRule.onRequest(string(json, "method"), string(json, "path"));
        if (json.has("nth")) {
            target = target.nth(integer(json, "nth"));
        }
        if (json.has("times")) {
            target = target.times(integer(json, "times"));
        }
        String action = string(json, "action");
        return switch (action) {
            case "status" -> {
                FaultRule rule = target.status(integer(json, "code"));
                rule = json.has("retryAfterSeconds") ? rule.retryAfter(integer(json, "retryAfterSeconds")) : rule;
                yield json.has("reason") ? rule.reason(string(json, "reason")) : rule;
            }
            case "delay" -> target.delay(Duration.ofMillis(integer(json, "delayMs")));
            case "drop" -> target.dropBeforeAnswer();
            case "applyThenDrop" -> target.applyThenDrop();
            case "respond" -> target.respond(integer(json, "code"), string(json, "body"));
            case "applyThenRespond" -> target.applyThenRespond(integer(json, "code"), string(json, "body"));
            default ->
                throw new IllegalArgumentException(
                        "unknown fault action \"" + action + "\"; valid actions: " + String.join(", ", ACTIONS));
        };
    }

    /** The rule as {@link #fault} reads it. */
    static JsonObject fault(FaultRule rule) {
        JsonObject json = new JsonObject();
        if (rule.endpoint() != null) {
            json.addProperty("endpoint", rule.endpoint());
        } else {
            json.addProperty("method", rule.method());
            json.addProperty("path", rule.pathRegex());
        }
        json.addProperty("nth", rule.nth());
        json.addProperty("times", rule.times());
        if (rule.action() instanceof FaultRule.Action.Status s) {
            json.addProperty("action", "status");
            json.addProperty("code", s.code());
            if (s.retryAfterSeconds() != null) {
                json.addProperty("retryAfterSeconds", s.retryAfterSeconds());
            }
            if (s.reason() != null) {
                json.addProperty("reason", s.reason());
            }
        } else if (rule.action() instanceof FaultRule.Action.Delay d) {
            json.addProperty("action", "delay");
            json.addProperty("delayMs", d.delay().toMillis());
        } else if (rule.action() instanceof FaultRule.Action.DropBeforeAnswer) {
            json.addProperty("action", "drop");
        } else if (rule.action() instanceof FaultRule.Action.ApplyThenDrop) {
            json.addProperty("action", "applyThenDrop");
        } else if (rule.action() instanceof FaultRule.Action.Respond r) {
            json.addProperty("action", r.applyFirst() ? "applyThenRespond" : "respond");
            json.addProperty("code", r.code());
            json.addProperty("body", r.body());
        }
        return json;
    }

    /** {@code {"writesPerWindow":N,"readsPerWindow":N,"windowSeconds":N}}, each optional (0, 0, 60). */
    static Quota quota(JsonObject json) {
        knownFields("quota", json, QUOTA_FIELDS);
        int writes = json.has("writesPerWindow") ? integer(json, "writesPerWindow") : 0;
        int reads = json.has("readsPerWindow") ? integer(json, "readsPerWindow") : 0;
        int seconds = json.has("windowSeconds") ? integer(json, "windowSeconds") : 60;
        if (writes < 0 || reads < 0 || seconds <= 0) {
            throw new IllegalArgumentException(
                    "quota: writesPerWindow and readsPerWindow must be >= 0 (0 = unlimited), windowSeconds > 0");
        }
        return new Quota(writes, reads, Duration.ofSeconds(seconds));
    }

    private static void knownFields(String what, JsonObject json, List<String> fields) {
        for (String key : json.keySet()) {
            if (!fields.contains(key)) {
                throw new IllegalArgumentException(
                        what + ": unknown field \"" + key + "\"; valid fields: " + String.join(", ", fields));
            }
        }
    }

    private static String string(JsonObject json, String key) {
        JsonElement value = present(json, key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(key + " must be a string, got " + value);
        }
        return value.getAsString();
    }

    /** A JSON number with no fraction, within int range. */
    private static int integer(JsonObject json, String key) {
        JsonElement value = present(json, key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException(key + " must be an integer, got " + value);
    }

    private static JsonElement present(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
