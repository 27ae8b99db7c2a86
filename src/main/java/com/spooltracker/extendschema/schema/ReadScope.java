package com.spooltracker.extendschema.schema;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The columns whose cells the planner needs, derived from the header alone: every position of the
 * key column, every position of a metric column already present, and the columns where missing
 * metric columns would be appended. Reading only these keeps a run from reading the whole sheet.
 */
public final class ReadScope {
    private ReadScope() {}

    /**
     * @param gridColumns the sheet's column count when known; when unknown (-1) the appended zone is
     *     widened to start at the last header column, which is surely inside the grid, so that the read
     *     never starts past the grid (Google rejects that).
     */
    public static SortedSet<Integer> columnsToRead(
            ColumnMap header, String keyColumn, List<ColumnSpec> specs, int gridColumns) {
        SortedSet<Integer> columns = new TreeSet<>(header.positionsOf(keyColumn));
        int missing = 0;
        for (ColumnSpec spec : specs) {
            List<Integer> positions = header.positionsOf(spec.header());
            columns.addAll(positions);
            if (positions.isEmpty()) {
                missing++;
            }
        }
        if (missing > 0 && !header.isEmpty()) {
            int start = gridColumns < 0 ? header.width() - 1 : header.width();
            int end = header.width() + missing;
            if (gridColumns >= 0) {
                end = Math.min(end, gridColumns);
            }
            for (int c = start; c < end; c++) {
                columns.add(c);
            }
        }
        return columns;
    }

    /**
     * The columns to read before anything is known of the sheet: those the v3.0 layout needs (key
     * column A, 67 headers), so that a v3.0 or migrated sheet is read once. The metric zone starts at
     * the last v3.0 column, which a v3.0 grid surely has. The caller must check the answer's header
     * against what it then needs.
     */
    public static SortedSet<Integer> presumedV3Layout(List<ColumnSpec> specs) {
        SortedSet<Integer> columns = new TreeSet<>();
        columns.add(0);
        for (int c = SchemaV4.V3_COLUMN_COUNT - 1; c < SchemaV4.V3_COLUMN_COUNT + specs.size(); c++) {
            columns.add(c);
        }
        return columns;
    }
}
