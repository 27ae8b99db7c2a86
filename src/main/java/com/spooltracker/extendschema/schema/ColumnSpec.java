package com.spooltracker.extendschema.schema;

/**
 * A column the migration guarantees: its header as written to the sheet, its type, and the
 * 1-based position the schema document gives it (positions can differ on sheets whose header
 * does not end at column 67; the plan reports that).
 */
public record ColumnSpec(String header, ColumnType type, int specifiedColumn) {
    public String normalizedName() {
        return HeaderName.normalize(header);
    }
}
