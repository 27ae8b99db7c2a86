package com.spooltracker.extendschema.schema;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A column a migration guarantees, as its file declares it: its header as written to the sheet, its
 * type (which gives its data cells' number format), the 1-based position the schema document gives
 * it, where it goes, and the value an empty cell of a data row gets.
 *
 * @param specifiedColumn the documented 1-based position, reported when the column lands elsewhere; 0
 *     when the file gives none
 * @param after the header it must directly follow; empty: after the last header
 * @param defaultValue what each empty cell of a data row gets; empty: nothing (the cells stay empty)
 */
public record ColumnSpec(
        String header, ColumnType type, int specifiedColumn, Optional<String> after, OptionalInt defaultValue) {

    /** A column appended after the last header whose data rows get 0: the v4.0 metric columns. */
    public ColumnSpec(String header, ColumnType type, int specifiedColumn) {
        this(header, type, specifiedColumn, Optional.empty(), OptionalInt.of(0));
    }

    public String normalizedName() {
        return HeaderName.normalize(header);
    }

    public boolean hasDefault() {
        return defaultValue.isPresent();
    }
}
