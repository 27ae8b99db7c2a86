package com.spooltracker.extendschema.schema;

/** Where a metric column is (present) or will be (added): a 0-based column index. */
public record Placement(ColumnSpec spec, int index) {
    /** 1-based column number, as users count. */
    public int column() {
        return index + 1;
    }

    public String letter() {
        return ColumnLetters.of(index);
    }

    public boolean asSpecified() {
        return column() == spec.specifiedColumn();
    }
}
