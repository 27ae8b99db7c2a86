package com.spooltracker.extendschema.schema;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * What the planner knows of the sheet: its grid, its header row, and, for each column that was read
 * (the key column and the metric columns' candidates), which rows hold a value. Rows are 0-based
 * sheet rows (row 0 is the header). Columns that were not read are unknown, not empty.
 */
public record SheetSnapshot(
        String title,
        int sheetId,
        int rowCount,
        int columnCount,
        ColumnMap columns,
        Map<Integer, BitSet> filledRowsByColumn) {

    public SheetSnapshot {
        filledRowsByColumn = Map.copyOf(filledRowsByColumn);
    }

    public Set<Integer> columnsRead() {
        return filledRowsByColumn.keySet();
    }

    /**
     * Rows of {@code column} that hold a value. A column past the grid has none; a column inside the
     * grid that was not read is a programming error, because assuming it empty could overwrite data.
     */
    public BitSet filledRows(int column) {
        if (column >= columnCount) {
            return new BitSet();
        }
        BitSet rows = filledRowsByColumn.get(column);
        if (rows == null) {
            throw new IllegalStateException("column " + ColumnLetters.of(column) + " was not read");
        }
        return (BitSet) rows.clone();
    }
}
