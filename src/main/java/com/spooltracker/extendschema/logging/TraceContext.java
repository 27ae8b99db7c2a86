package com.spooltracker.extendschema.logging;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=OPTIONS} header that Cloud
 * Logging can use. The header's span ID is decimal; Cloud Logging wants 16 hex digits.
 *
 * @param traceId 32 hex digits
 * @param spanIdHex the span as 16 hex digits, or null if the header has none
 * @param sampled the {@code o=} flag, or null if the header has none
 */
record TraceContext(String traceId, String spanIdHex, Boolean sampled) {

    private static final Pattern HEADER =
            Pattern.compile("^\\s*([0-9a-fA-F]{32})(?:/([0-9]{1,20}))?(?:;o=([0-9]{1,9}))?\\s*$");

    static Optional<TraceContext> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        String span = null;
        if (m.group(2) != null) {
            try {
                span = String.format("%016x", Long.parseUnsignedLong(m.group(2)));
            } catch (NumberFormatException tooLarge) {
                span = null;
            }
        }
        Boolean sampled = m.group(3) == null ? null : (Integer.parseInt(m.group(3)) & 1) == 1;
        return Optional.of(new TraceContext(m.group(1).toLowerCase(Locale.ROOT), span, sampled));
    }

    /** The LogEntry trace resource name, {@code projects/PROJECT/traces/TRACE_ID}. */
    String resourceName(String projectId) {
        return "projects/" + projectId + "/traces/" + traceId;
    }
}
