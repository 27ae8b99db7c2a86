package com.spooltracker.extendschema.sheets;

import com.spooltracker.extendschema.schema.ColumnLetters;

/** A range of a values read: a sheet's header row, or one column from row 2 down. */
public record ValuesRange(String sheet, int column) {
    private static final int HEADER_ROW = -1;

    public static ValuesRange headerRow(String sheet) {
        return new ValuesRange(sheet, HEADER_ROW);
    }

    /** Column {@code column} (0-based) below the header. */
    public static ValuesRange column(String sheet, int column) {
        if (column < 0) {
            throw new IllegalArgumentException("column index must be >= 0: " + column);
        }
        return new ValuesRange(sheet, column);
    }

    String a1() {
        if (column == HEADER_ROW) {
            return A1.row(sheet, 1);
        }
        String letters = ColumnLetters.of(column);
        return A1.sheet(sheet) + "!" + letters + "2:" + letters;
    }
}
