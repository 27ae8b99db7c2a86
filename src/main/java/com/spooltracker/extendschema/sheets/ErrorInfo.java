package com.spooltracker.extendschema.sheets;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code google.rpc.ErrorInfo} of a Google error body: the machine-readable reason
 * ({@code SERVICE_DISABLED}, {@code RATE_LIMIT_EXCEEDED}, …) and its metadata ({@code service},
 * {@code consumer}, {@code quota_limit}, …). Google documents these as stable; the message text is not.
 */
record ErrorInfo(String reason, Map<String, String> metadata) {
    private static final String TYPE = "type.googleapis.com/google.rpc.ErrorInfo";

    static Optional<ErrorInfo> of(IOException e) {
        if (!(e instanceof GoogleJsonResponseException json)
                || json.getDetails() == null
                || json.getDetails().getDetails() == null) {
            return Optional.empty();
        }
        for (GoogleJsonError.Details details : json.getDetails().getDetails()) {
            if (details != null && TYPE.equals(details.getType()) && details.getReason() != null) {
                return Optional.of(new ErrorInfo(details.getReason(), metadata(details.get("metadata"))));
            }
        }
        return Optional.empty();
    }

    /** A metadata value, redacted and bounded like every upstream text; empty when absent. */
    String get(String key) {
        return SheetsErrors.upstreamText(metadata.getOrDefault(key, ""));
    }

    private static Map<String, String> metadata(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return Map.of();
        }
        HashMap<String, String> values = new HashMap<>();
        map.forEach((key, value) -> {
            if (key instanceof String name && value instanceof String text) {
                values.put(name, text);
            }
        });
        return Map.copyOf(values);
    }
}
