package com.spooltracker.extendschema.schema;

/** Where a declared column is (present) or will be (added): a 0-based column index. */
public record Placement(ColumnSpec spec, int index) {
    /** 1-based column number, as users count. */
    public int column() {
        return index + 1;
    }

    public String letter() {
        return ColumnLetters.of(index);
    }

    /** True when the column is, or lands, at the position its file documents (or the file documents none). */
    public boolean asSpecified() {
        return spec.specifiedColumn() == 0 || column() == spec.specifiedColumn();
    }
}
