package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.schema.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place where failures become HTTP: status, headers and {@code {"error": {...}}}. */
public final class ErrorResponse {
    private ErrorResponse() {}

    /** The headers an error answer carries besides its body: {@code Allow} on a 405, {@code Retry-After} on a 503. */
    public static Map<String, String> headers(Failure failure) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (failure instanceof Failure.MethodNotAllowed notAllowed) {
            headers.put("Allow", notAllowed.allow());
        }
        if (failure instanceof Failure.Unavailable unavailable) {
            unavailable.retryAfterSeconds().ifPresent(s -> headers.put("Retry-After", Integer.toString(s)));
        }
        return headers;
    }

    public static JsonObject body(Failure failure) {
        JsonObject error = new JsonObject();
        error.addProperty("code", failure.httpStatus());
        error.addProperty("status", failure.status());
        error.addProperty("message", failure.getMessage());
        if (failure instanceof Failure.PermissionDenied denied) {
            error.addProperty("kind", denied.kind());
        }
        if (failure instanceof Failure.Conflicted conflicted
                && !conflicted.conflicts().isEmpty()) {
            JsonArray conflicts = new JsonArray();
            for (Conflict conflict : conflicted.conflicts()) {
                JsonObject json = new JsonObject();
                json.addProperty("kind", conflict.kind().name());
                json.addProperty("message", conflict.message());
                JsonArray cells = new JsonArray();
                conflict.cells().forEach(cells::add);
                json.add("cells", cells);
                conflicts.add(json);
            }
            error.add("conflicts", conflicts);
        }
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }
}
