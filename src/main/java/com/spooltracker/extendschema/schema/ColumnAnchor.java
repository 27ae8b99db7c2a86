package com.spooltracker.extendschema.schema;

/**
 * A mark the function keeps on a column (Sheets developer metadata): Google moves it with the column
 * when columns are inserted, deleted or moved, so a write through it lands in that column wherever it
 * now is. It is trusted only when the read that found it also shows the expected header above it.
 *
 * @param column the 0-based column the mark was on when read
 * @param metadataId Google's id of the mark, which a write names
 * @param header the header the mark was put on (its value)
 */
public record ColumnAnchor(int column, int metadataId, String header) {
    /** The developer metadata key of every column mark the function puts. */
    public static final String KEY = "extendSchema.column";
}
