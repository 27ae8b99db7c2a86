package com.spooltracker.extendschema.schema;

/** The value type of a metric column, with the number format its data cells get. */
public enum ColumnType {
    INTEGER("0"),
    DECIMAL("0.00");

    private final String numberPattern;

    ColumnType(String numberPattern) {
        this.numberPattern = numberPattern;
    }

    /** The Sheets number-format pattern (format type NUMBER) for cells of this type. */
    public String numberPattern() {
        return numberPattern;
    }
}
