package com.spooltracker.extendschema.emulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Google's error JSON: {@code {"error":{"code","message","status","details"?}}}. Sheets adds the legacy
 * {@code errors[]} array only when a request asks for it with {@code $.xgafv=1} (measured by
 * brekkylab/backlot), which the Java client never sends, so it is left out.
 */
public final class ErrorBody {

    private ErrorBody() {}

    public static JsonObject of(int code, String status, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.addProperty("status", status);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    /** The 429 Google sends when a per-minute quota is used up, with its ErrorInfo detail. */
    public static JsonObject quotaExceeded(boolean write) {
        String kind = write ? "Write" : "Read";
        String message = "Quota exceeded for quota metric '" + kind + " requests' and limit '" + kind
                + " requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.";
        JsonObject body = of(429, "RESOURCE_EXHAUSTED", message);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", "sheets.googleapis.com");
        metadata.addProperty("consumer", "projects/000000000000");
        metadata.addProperty("quota_limit", kind + "RequestsPerMinutePerUser");
        metadata.addProperty("quota_metric", "sheets.googleapis.com/" + kind.toLowerCase() + "_requests");
        metadata.addProperty("quota_location", "global");
        metadata.addProperty("quota_limit_value", "60");
        JsonObject info = new JsonObject();
        info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.addProperty("reason", "RATE_LIMIT_EXCEEDED");
        info.addProperty("domain", "googleapis.com");
        info.add("metadata", metadata);
        JsonArray details = new JsonArray();
        details.add(info);
        body.getAsJsonObject("error").add("details", details);
        return body;
    }

    /** The body Google sends for a status code a fault rule asks for; null for a plain-text 502. */
    public static JsonObject forStatus(int code) {
        return switch (code) {
            case 400 -> of(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
            case 401 -> of(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access "
                    + "token, login cookie or other valid authentication credential. See "
                    + "https://developers.google.com/identity/sign-in/web/devconsole-project.");
            case 403 -> of(403, "PERMISSION_DENIED", "The caller does not have permission");
            case 404 -> of(404, "NOT_FOUND", "Requested entity was not found.");
            case 409 -> of(409, "ABORTED", "The operation was aborted.");
            case 429 -> quotaExceeded(true);
            case 500 -> of(500, "INTERNAL", "Internal error encountered.");
            case 502 -> null;
            case 503 -> of(503, "UNAVAILABLE", "The service is currently unavailable.");
            case 504 -> of(504, "DEADLINE_EXCEEDED", "The service is currently unavailable.");
            default -> of(code, "UNKNOWN", "Error " + code + ".");
        };
    }
}
