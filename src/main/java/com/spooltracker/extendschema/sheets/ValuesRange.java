package com.spooltracker.extendschema.sheets;

import com.spooltracker.extendschema.schema.ColumnLetters;
import java.util.ArrayList;
import java.util.List;

/** A range of a values read: a sheet's header row, or one column from row 2 down (read whole, header dropped). */
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

    /**
     * A column is read whole ({@code B:B}), from row 1: {@code B2:B} starts past the grid of a sheet
     * that holds only its header row, and Google refuses such a range ("exceeds grid limits").
     */
    String a1() {
        if (column == HEADER_ROW) {
            return A1.row(sheet, 1);
        }
        String letters = ColumnLetters.of(column);
        return A1.sheet(sheet) + "!" + letters + ":" + letters;
    }

    /** The answer's columns for this range as callers want them: a column without its header cell. */
    List<List<Object>> belowHeader(List<List<Object>> columns) {
        if (column == HEADER_ROW) {
            return columns;
        }
        List<List<Object>> below = new ArrayList<>();
        for (List<Object> cells : columns) {
            below.add(cells.isEmpty() ? cells : cells.subList(1, cells.size()));
        }
        return below;
    }
}
