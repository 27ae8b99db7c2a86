package com.spooltracker.extendschema.sheets;

import com.google.api.client.http.GenericUrl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One retry of a Sheets request: which call, to which host, which attempt failed and why, and how
 * long the pause before the next attempt is.
 *
 * @param call the Sheets method, e.g. {@code spreadsheets.get}
 * @param host {@code host} or {@code host:port} the request went to
 * @param attempt the attempt that failed, from 1
 * @param reason what went wrong: {@code HTTP 503}, or no answer at all
 * @param waitMillis the pause before the next attempt
 */
public record Retry(String call, String host, int attempt, String reason, long waitMillis) {

    /** One line for a log: what failed and when the next attempt goes. */
    public String message() {
        return "Sheets " + call + " to " + host + " " + reason + " on attempt " + attempt + "; retrying in "
                + waitMillis + " ms";
    }

    /** The same as fields, for structured log entries. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("call", call);
        fields.put("host", host);
        fields.put("attempt", attempt);
        fields.put("waitMs", waitMillis);
        return fields;
    }

    static String host(GenericUrl url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /**
     * The Sheets method a request calls, from its HTTP method and path. A range in the path may hold
     * a colon ({@code A1:B2}), so only the verbs this project sends are recognised after one.
     */
    static String call(String method, String rawPath) {
        boolean values = rawPath.contains("/values");
        if (rawPath.endsWith(":append")) {
            return "values.append";
        }
        if (rawPath.endsWith(":batchGet")) {
            return "values.batchGet";
        }
        if (rawPath.endsWith(":batchGetByDataFilter")) {
            return "values.batchGetByDataFilter";
        }
        if (rawPath.endsWith(":getByDataFilter")) {
            return "spreadsheets.getByDataFilter";
        }
        if (rawPath.endsWith(":batchUpdateByDataFilter")) {
            return "values.batchUpdateByDataFilter";
        }
        if (rawPath.endsWith(":batchUpdate")) {
            return values ? "values.batchUpdate" : "spreadsheets.batchUpdate";
        }
        if (values) {
            return "GET".equals(method) ? "values.get" : "values.update";
        }
        return "GET".equals(method) ? "spreadsheets.get" : "spreadsheets.create";
    }
}
