package com.spooltracker.extendschema.schema;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * What the planner knows of the sheet: its grid, its header row as displayed, and, for each column
 * that was read (the key column and the metric columns' candidates), which rows hold something and
 * which show text. Rows are 0-based sheet rows (row 0 is the header). Columns that were not read are
 * unknown, not empty.
 *
 * @param filledRowsByColumn rows whose cell has an entered or a displayed value: a value typed, a
 *     formula (even one that shows nothing), or the output of an array formula elsewhere. Writing
 *     over any of them loses data or breaks a formula.
 * @param shownRowsByColumn rows whose displayed text is not blank once trimmed: what a person (and
 *     v3.0 code) sees as a value, e.g. a real spool id rather than {@code " "} or a formula showing "".
 * @param managedRowsByColumn rows whose value a formula produces; read only for the metrics refresh
 */
public record SheetSnapshot(
        String title,
        int sheetId,
        int rowCount,
        int columnCount,
        ColumnMap columns,
        Map<Integer, BitSet> filledRowsByColumn,
        Map<Integer, BitSet> shownRowsByColumn,
        Map<Integer, BitSet> managedRowsByColumn) {

    public SheetSnapshot {
        filledRowsByColumn = Map.copyOf(filledRowsByColumn);
        shownRowsByColumn = Map.copyOf(shownRowsByColumn);
        managedRowsByColumn = Map.copyOf(managedRowsByColumn);
    }

    /** A snapshot that knows nothing of formulas (the migration alone needs none). */
    public SheetSnapshot(
            String title,
            int sheetId,
            int rowCount,
            int columnCount,
            ColumnMap columns,
            Map<Integer, BitSet> filledRowsByColumn,
            Map<Integer, BitSet> shownRowsByColumn) {
        this(title, sheetId, rowCount, columnCount, columns, filledRowsByColumn, shownRowsByColumn, Map.of());
    }

    public Set<Integer> columnsRead() {
        return filledRowsByColumn.keySet();
    }

    /**
     * Rows of {@code column} that hold something. A column past the grid has none; a column inside
     * the grid that was not read is a programming error, because assuming it empty could overwrite data.
     */
    public BitSet filledRows(int column) {
        return rows(filledRowsByColumn, column);
    }

    /** Rows of {@code column} that show non-blank text; the same rules as {@link #filledRows}. */
    public BitSet shownRows(int column) {
        return rows(shownRowsByColumn, column);
    }

    /**
     * Rows of {@code column} whose value a formula produces (its own, or an array formula's), when the
     * read asked for formulas (the metrics refresh does); none otherwise. Same rules as {@link #filledRows}.
     */
    public BitSet managedRows(int column) {
        return rows(managedRowsByColumn, column);
    }

    private BitSet rows(Map<Integer, BitSet> byColumn, int column) {
        if (column >= columnCount) {
            return new BitSet();
        }
        if (!filledRowsByColumn.containsKey(column)) {
            throw new IllegalStateException("column " + ColumnLetters.of(column) + " was not read");
        }
        return (BitSet) byColumn.getOrDefault(column, new BitSet()).clone();
    }
}
