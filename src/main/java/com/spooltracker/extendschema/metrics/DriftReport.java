package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The difference between the metric cells and what {@code Uniones} says they should be, as data:
 * the cells to write, and what a person needs to see (counts per column, examples, and the rows and
 * cells the refresh could not use or would not touch). Lists of examples hold at most
 * {@link #MAX_EXAMPLES} entries; the counts are complete. {@code from} is the sheet the metrics come from.
 */
public record DriftReport(
        String from,
        int rowsChecked,
        List<Integer> differingByColumn,
        List<CellChange> changes,
        List<Example> examples,
        int orphanCount,
        List<Orphan> orphans,
        int invalidDnCount,
        List<InvalidDn> invalidDn,
        int leftAloneCount,
        List<LeftAlone> leftAlone,
        int spoolsWithoutOt) {

    public static final int MAX_EXAMPLES = 20;

    public DriftReport {
        differingByColumn = List.copyOf(differingByColumn);
        changes = List.copyOf(changes);
        examples = List.copyOf(examples);
        orphans = List.copyOf(orphans);
        invalidDn = List.copyOf(invalidDn);
        leftAlone = List.copyOf(leftAlone);
    }

    /** Nothing to write: every metric cell the refresh may touch already holds its value. */
    public boolean upToDate() {
        return changes.isEmpty();
    }

    /** A metric cell to write: 0-based sheet row and column, and its value. */
    public record CellChange(int row, int column, BigDecimal value) {}

    /** One differing cell, as a person reads it: spool, column header, A1 cell, current → computed. */
    public record Example(String tag, String column, String cell, String current, String computed) {}

    /** A Uniones row whose OT matches no spool: its OT cell (A1) and the OT as read. */
    public record Orphan(String cell, String ot) {}

    /** A DN_UNION cell that is not a number: counted as a union, left out of the inches. */
    public record InvalidDn(String cell, String value) {}

    /**
     * A metric cell of a data row that the refresh does not write: a formula (the sheet manages it),
     * text, or a computed figure no cell can hold ({@code OUT_OF_RANGE}: past the range of the double
     * Sheets stores numbers as). {@code agrees} when it shows the computed value.
     */
    public record LeftAlone(
            String tag, String column, String cell, Kind kind, String current, String computed, boolean agrees) {
        public enum Kind {
            FORMULA,
            TEXT,
            OUT_OF_RANGE
        }
    }
}
