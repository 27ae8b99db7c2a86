package com.spooltracker.extendschema.emulator.control;

/**
 * One API request as the emulator saw it.
 *
 * @param endpoint {@code values.get}, ..., or {@code unknown}
 * @param status the HTTP status answered, 0 when the connection was dropped
 * @param bytesIn request body bytes as received (still gzip-compressed if they were)
 * @param bytesOut response body bytes as sent (gzip-compressed when the client accepts gzip)
 * @param outcome {@code ok}, {@code error:400}, {@code quota}, {@code fault:503}, {@code fault:drop},
 *     {@code fault:applyThenDrop} or {@code fault:delay}
 */
public record RequestRecord(
        String method, String endpoint, String pathAndQuery, int status, long bytesIn, long bytesOut, String outcome) {}
