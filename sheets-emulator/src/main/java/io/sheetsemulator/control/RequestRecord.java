package io.sheetsemulator.control;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API request as the emulator saw it.
 *
 * @param endpoint {@code values.get}, ..., or {@code unknown}
 * @param status the HTTP status answered, 0 when the connection was dropped
 * @param bytesIn request body bytes as received (still gzip-compressed if they were)
 * @param bytesOut response body bytes as sent (gzip-compressed when the client accepts gzip)
 * @param outcome {@code ok}, {@code error:400}, {@code quota}, {@code fault:503}, {@code fault:drop},
 *     {@code fault:applyThenDrop} or {@code fault:delay}
 * @param headers the request headers, names in lower case, each name's values in the order sent
 * @param body the request body as the API reads it: un-gzipped, UTF-8 text; empty when there was none
 */
public record RequestRecord(
        String method,
        String endpoint,
        String pathAndQuery,
        int status,
        long bytesIn,
        long bytesOut,
        String outcome,
        Map<String, List<String>> headers,
        String body) {

    public RequestRecord {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(lower);
        body = body == null ? "" : body;
    }

    /** The first value of header {@code name} (any case), or null when it was not sent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Without headers and body, which would drown a log line; {@code bodyChars} says how much was sent. */
    @Override
    public String toString() {
        return "RequestRecord[method=" + method + ", endpoint=" + endpoint + ", pathAndQuery=" + pathAndQuery
                + ", status=" + status + ", bytesIn=" + bytesIn + ", bytesOut=" + bytesOut + ", outcome=" + outcome
                + ", bodyChars=" + body.length() + "]";
    }
}
