package com.spooltracker.extendschema.schema;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * @param cellsByColumn for a read with formulas (the metrics refresh's), every cell of each column read,
 *     indexed by 0-based row, trailing empty cells left out
 * @param anchors the function's column marks found on the header row, wherever they are
 * @param notes the function's developer metadata on the spreadsheet itself (its schema history), as
 *     the same read returned it
 */
public record SheetSnapshot(
        String title,
        int sheetId,
        int rowCount,
        int columnCount,
        ColumnMap columns,
        Map<Integer, BitSet> filledRowsByColumn,
        Map<Integer, BitSet> shownRowsByColumn,
        Map<Integer, BitSet> managedRowsByColumn,
        Map<Integer, List<GridCell>> cellsByColumn,
        List<ColumnAnchor> anchors,
        List<SpreadsheetNote> notes) {

    public SheetSnapshot {
        notes = List.copyOf(notes);
        filledRowsByColumn = Map.copyOf(filledRowsByColumn);
        shownRowsByColumn = Map.copyOf(shownRowsByColumn);
        managedRowsByColumn = Map.copyOf(managedRowsByColumn);
        cellsByColumn = Map.copyOf(cellsByColumn);
        anchors = List.copyOf(anchors);
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
        this(
                title,
                sheetId,
                rowCount,
                columnCount,
                columns,
                filledRowsByColumn,
                shownRowsByColumn,
                Map.of(),
                Map.of(),
                List.of(),
                List.of());
    }

    /** As the canonical constructor, without spreadsheet notes. */
    public SheetSnapshot(
            String title,
            int sheetId,
            int rowCount,
            int columnCount,
            ColumnMap columns,
            Map<Integer, BitSet> filledRowsByColumn,
            Map<Integer, BitSet> shownRowsByColumn,
            Map<Integer, BitSet> managedRowsByColumn,
            Map<Integer, List<GridCell>> cellsByColumn,
            List<ColumnAnchor> anchors) {
        this(
                title,
                sheetId,
                rowCount,
                columnCount,
                columns,
                filledRowsByColumn,
                shownRowsByColumn,
                managedRowsByColumn,
                cellsByColumn,
                anchors,
                List.of());
    }

    /** The cell at a 0-based row of a column read with formulas; empty past the data. */
    public GridCell cell(int column, int row) {
        List<GridCell> cells = cellsByColumn.get(column);
        if (cells == null) {
            throw new IllegalStateException("the cells of column " + ColumnLetters.of(column) + " were not read");
        }
        return row < cells.size() ? cells.get(row) : GridCell.EMPTY;
    }

    /**
     * The column mark for {@code header}, if the read shows every such mark on {@code column} (two runs
     * that marked it at once leave two there; the lowest id is taken) and {@code header} (by normalized
     * name) is what the header row shows above them.
     */
    public Optional<ColumnAnchor> trustedAnchor(String header, int column) {
        List<ColumnAnchor> marks = marksFor(header);
        if (marks.isEmpty() || marks.stream().anyMatch(a -> a.column() != column)) {
            return Optional.empty();
        }
        if (!HeaderName.normalize(columns.headerAt(column)).equals(HeaderName.normalize(header))) {
            return Optional.empty();
        }
        return marks.stream().min((a, b) -> Integer.compare(a.metadataId(), b.metadataId()));
    }

    /** The function's marks that stand for {@code header}, wherever they are. */
    public List<ColumnAnchor> marksFor(String header) {
        String name = HeaderName.normalize(header);
        return anchors.stream()
                .filter(a -> HeaderName.normalize(a.header()).equals(name))
                .toList();
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
