package io.sheetsemulator.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Which API method a request is, from its method and raw path (as the Java client sends it:
 * {@code /v4/spreadsheets/ID/values/'My%20Sheet'!A1:B2:append}).
 *
 * @param endpoint the method name used in counters, logs and fault rules ({@code values.get}, ...)
 * @param spreadsheetId the id, or null for spreadsheets.create
 * @param range the decoded A1 range of a values/{range} path, the metadata id of developerMetadata.get,
 *     else null
 */
record Route(String endpoint, String spreadsheetId, String range) {

    static final String UNKNOWN = "unknown";
    private static final String PREFIX = "/v4/spreadsheets";

    static Route resolve(String method, String rawPath) {
        if (rawPath.equals(PREFIX) || rawPath.equals(PREFIX + "/")) {
            return method.equals("POST") ? new Route("spreadsheets.create", null, null) : unknown();
        }
        if (!rawPath.startsWith(PREFIX + "/")) {
            return unknown();
        }
        String rest = rawPath.substring(PREFIX.length() + 1);
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != ':') {
            end++;
        }
        String id = decode(rest.substring(0, end));
        String tail = rest.substring(end);
        if (id.isEmpty()) {
            return unknown();
        }
        return switch (method + " " + tail) {
            case "GET " -> new Route("spreadsheets.get", id, null);
            case "POST :batchUpdate" -> new Route("spreadsheets.batchUpdate", id, null);
            case "GET /values:batchGet" -> new Route("values.batchGet", id, null);
            case "POST /values:batchUpdate" -> new Route("values.batchUpdate", id, null);
            case "POST /values:batchClear" -> new Route("values.batchClear", id, null);
            case "POST /values:batchGetByDataFilter" -> new Route("values.batchGetByDataFilter", id, null);
            case "POST /values:batchUpdateByDataFilter" -> new Route("values.batchUpdateByDataFilter", id, null);
            case "POST /values:batchClearByDataFilter" -> new Route("values.batchClearByDataFilter", id, null);
            case "POST :getByDataFilter" -> new Route("spreadsheets.getByDataFilter", id, null);
            case "POST /developerMetadata:search" -> new Route("developerMetadata.search", id, null);
            default -> valuesRange(method, id, tail);
        };
    }

    private static Route valuesRange(String method, String id, String tail) {
        if (method.equals("GET")
                && tail.startsWith("/developerMetadata/")
                && tail.length() > "/developerMetadata/".length()) {
            // The metadata id travels in the range slot.
            return new Route("developerMetadata.get", id, decode(tail.substring("/developerMetadata/".length())));
        }
        if (!tail.startsWith("/values/") || tail.length() == "/values/".length()) {
            return unknown();
        }
        String range = tail.substring("/values/".length());
        if (method.equals("POST") && range.endsWith(":append")) {
            return new Route("values.append", id, decode(range.substring(0, range.length() - ":append".length())));
        }
        if (method.equals("POST") && range.endsWith(":clear")) {
            return new Route("values.clear", id, decode(range.substring(0, range.length() - ":clear".length())));
        }
        return switch (method) {
            case "GET" -> new Route("values.get", id, decode(range));
            case "PUT" -> new Route("values.update", id, decode(range));
            default -> unknown();
        };
    }

    private static Route unknown() {
        return new Route(UNKNOWN, null, null);
    }

    /** Reads by POST (a body of data filters) count as reads, as their names say. */
    boolean isWrite(String method) {
        return !method.equals("GET")
                && !endpoint.equals("values.batchGetByDataFilter")
                && !endpoint.equals("developerMetadata.search")
                && !endpoint.equals("spreadsheets.getByDataFilter");
    }

    /** Percent-decoding only: in a path, {@code +} is a plus sign. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hex = c == '%' && i + 2 < raw.length() ? hex(raw.substring(i + 1, i + 3)) : -1;
            if (hex >= 0) {
                out.write(hex);
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(String two) {
        try {
            return Integer.parseInt(two, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
