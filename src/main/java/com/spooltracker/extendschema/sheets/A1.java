package com.spooltracker.extendschema.sheets;

import com.spooltracker.extendschema.schema.ColumnLetters;

/**
 * A1 ranges as this project sends them. Sheet titles are always quoted, with embedded apostrophes
 * doubled ({@code Jon's} → {@code 'Jon''s'}), which Google accepts for every title.
 */
final class A1 {
    private A1() {}

    static String sheet(String title) {
        return "'" + title.replace("'", "''") + "'";
    }

    /** A whole row, 1-based: {@code 'T'!1:1}. */
    static String row(String title, int row) {
        return sheet(title) + "!" + row + ":" + row;
    }

    /** Whole columns, 0-based inclusive: {@code 'T'!BP:BT}. */
    static String columns(String title, int firstColumn, int lastColumn) {
        return sheet(title) + "!" + ColumnLetters.of(firstColumn) + ":" + ColumnLetters.of(lastColumn);
    }

    /** A rectangle, 0-based inclusive indexes: {@code 'T'!BP1:BT301}. */
    static String cells(String title, int firstColumn, int firstRow, int lastColumn, int lastRow) {
        return sheet(title) + "!" + ColumnLetters.of(firstColumn) + (firstRow + 1) + ":" + ColumnLetters.of(lastColumn)
                + (lastRow + 1);
    }
}
