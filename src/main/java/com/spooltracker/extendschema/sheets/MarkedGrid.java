package com.spooltracker.extendschema.sheets;

import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.GridCell;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code spreadsheets.getByDataFilter} answer to a read of a sheet's header row, of columns by
 * position and of the columns marks select ({@link SheetsGateway#readMarked}), made into a snapshot.
 * Its blocks are merged by absolute position (each GridData gives its {@code startRow} and
 * {@code startColumn}, and one {@code columnMetadata} entry per column). The header row is the block
 * that starts at A1, is one row high and as wide as the grid. A column counts as read when a block
 * from row 1 covers it and holds more than the header row: the header in the same answer says what
 * each column is. A column that shows only its header comes back as one row, like the header block: it
 * is not counted, and the caller reads it by position. Every other column is unknown.
 */
public final class MarkedGrid {
    private MarkedGrid() {}

    /**
     * @param snapshot the sheet read: its header, grid, write marks and notes, and the columns read
     * @param layoutMarks the sheet's marks under {@link ColumnMarks#LAYOUT_KEY}, from its header row
     * @param other the other sheet's header row and its marks under {@link ColumnMarks#UNIONES_KEY}, when asked for
     */
    public record Read(SheetSnapshot snapshot, List<ColumnAnchor> layoutMarks, Optional<Header> other) {}

    /** A sheet's header row and the marks on it. */
    public record Header(String title, int sheetId, ColumnMap columns, List<ColumnAnchor> marks) {}

    static Read of(GridResponse.Answer answer, String title, Optional<String> other, boolean formulas) {
        GridResponse.SheetGrid sheet = sheet(answer, title);
        GridResponse.Block header = headerBlock(sheet);
        Map<Integer, BitSet> filled = new HashMap<>();
        Map<Integer, BitSet> shown = new HashMap<>();
        Map<Integer, BitSet> managed = new HashMap<>();
        Map<Integer, List<GridCell>> cells = new HashMap<>();
        for (GridResponse.Block block : sheet.blocks()) {
            if (block.startRow() != 0 || block.rows() < 2) {
                continue;
            }
            for (int c = block.startColumn(); c < block.startColumn() + block.width(); c++) {
                filled.put(c, block.filledRowsByColumn().getOrDefault(c, new BitSet()));
                shown.put(c, block.shownRowsByColumn().getOrDefault(c, new BitSet()));
                managed.put(c, block.managedRowsByColumn().getOrDefault(c, new BitSet()));
                if (formulas) {
                    cells.put(c, block.cellsByColumn().getOrDefault(c, List.of()));
                }
            }
        }
        SheetSnapshot snapshot = new SheetSnapshot(
                title,
                sheet.sheetId(),
                sheet.rowCount(),
                sheet.columnCount(),
                ColumnMap.of(header.firstRow()),
                filled,
                shown,
                managed,
                cells,
                header.anchors(),
                answer.notes());
        Optional<Header> otherHeader = other.map(name -> {
            GridResponse.SheetGrid grid = sheet(answer, name);
            GridResponse.Block row = headerBlock(grid);
            return new Header(name, grid.sheetId(), ColumnMap.of(row.firstRow()), marks(row, ColumnMarks.UNIONES_KEY));
        });
        return new Read(snapshot, marks(header, ColumnMarks.LAYOUT_KEY), otherHeader);
    }

    private static List<ColumnAnchor> marks(GridResponse.Block block, String key) {
        return block.otherMarks().getOrDefault(key, List.of());
    }

    private static GridResponse.SheetGrid sheet(GridResponse.Answer answer, String title) {
        GridResponse.SheetGrid sheet = answer.sheets().stream()
                .filter(s -> title.equals(s.title()))
                .findFirst()
                .orElseThrow(() -> new GridResponse.UnexpectedAnswer("the answer leaves out sheet '" + title + "'"));
        if (sheet.rowCount() < 1 || sheet.columnCount() < 1) {
            throw new GridResponse.UnexpectedAnswer("the answer gives no grid size for sheet '" + title + "'");
        }
        return sheet;
    }

    /** The block of the header row: from A1, one row, every column of the grid. */
    private static GridResponse.Block headerBlock(GridResponse.SheetGrid sheet) {
        return sheet.blocks().stream()
                .filter(b ->
                        b.startRow() == 0 && b.startColumn() == 0 && b.rows() <= 1 && b.width() == sheet.columnCount())
                .findFirst()
                .orElseThrow(() -> new GridResponse.UnexpectedAnswer(
                        "the answer has no block of the header row of sheet '" + sheet.title() + "'"));
    }
}
