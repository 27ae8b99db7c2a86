package io.sheetsemulator.control;

import com.google.gson.JsonElement;

/**
 * One cell whose entered value (a literal or a formula) an API request changed.
 *
 * @param row 0-based row index at the time of the write
 * @param column 0-based column index at the time of the write
 * @param endpoint the request's endpoint ({@code values.batchUpdate}, {@code spreadsheets.batchUpdate}, ...)
 * @param before the cell as a seed-format cell ({@code "text"}, {@code 12}, {@code true}, {@code "=A1+1"},
 *     {@code {"string":"=text"}}, {@code {"computed":...}} for an array formula's output), null when empty
 * @param after likewise, after the write; null when the write emptied the cell
 */
public record CellWrite(
        String spreadsheetId,
        String sheetTitle,
        int row,
        int column,
        String endpoint,
        JsonElement before,
        JsonElement after) {}
