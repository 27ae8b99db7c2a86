package io.sheetsemulator.control;

/**
 * The request a {@link CallHook} is told about.
 *
 * @param endpoint as in counters and fault rules ({@code values.get}, {@code spreadsheets.batchUpdate},
 *     ..., or {@code unknown})
 * @param spreadsheetId the id in the path, or null (spreadsheets.create, an unknown path)
 * @param sequence 1 for the emulator's first API request, then one more for each request
 */
public record CallInfo(String endpoint, String spreadsheetId, long sequence) {}
