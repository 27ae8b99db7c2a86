package io.sheetsemulator.model;

import java.util.List;

/**
 * A planned values.append: the table found in the range, the rows to insert or grow, and the write
 * after the table's last row.
 *
 * <p>The table, as Google finds it: the first cell holding a value in the range, row by row (for a lone
 * cell range, that cell only), grown into the block of cells connected to it: rows below and columns on
 * either side that hold a value next to the block, diagonals included, within the range's columns (a lone
 * cell: the whole grid) and never above the cell. The new rows are written after the table's last row
 * from the table's first column (so a table that starts right of the range shifts the data right, as
 * Google does), or at the range's top-left when the range holds no value. INSERT_ROWS inserts as many
 * rows as are written; OVERWRITE grows the grid only when the data would run past it.
 */
public record ValuesAppend(
        Spreadsheet spreadsheet,
        Sheet sheet,
        GridRect table,
        int insertAt,
        int insertRows,
        int newRowCount,
        int newColumnCount,
        ValuesWrite write) {

    public static ValuesAppend plan(
            Spreadsheet spreadsheet,
            String rangeText,
            List<List<Object>> values,
            ValueInputOption option,
            boolean insertRows) {
        A1Range range = A1Range.parse(rangeText);
        Sheet sheet = range.sheetIn(spreadsheet, rangeText);
        GridRect bounds = range.clampedTo(sheet);
        GridRect limits = range.singleCell()
                ? new GridRect(sheet.title(), bounds.startRow(), 0, sheet.rowCount(), sheet.columnCount())
                : bounds;
        GridRect table = findTable(sheet, bounds, limits);
        int writeRow = table == null ? bounds.startRow() : table.endRow();
        int fromColumn = table == null ? bounds.startColumn() : table.startColumn();

        Entry[][] entries = ValuesWrite.entries(values, option);
        int width = ValuesWrite.width(entries);
        int rows = entries.length;
        int inserted = insertRows ? rows : 0;
        int newRowCount = insertRows ? sheet.rowCount() + rows : Math.max(sheet.rowCount(), writeRow + rows);
        int newColumnCount = Math.max(sheet.columnCount(), fromColumn + width);
        long growth = (long) newRowCount * newColumnCount - sheet.cellCount();
        if (growth > 0 && spreadsheet.cellCount() + growth > Spreadsheet.CELL_LIMIT) {
            throw CellLimit.exceeded();
        }
        GridRect area = new GridRect(sheet.title(), writeRow, fromColumn, writeRow + rows, fromColumn + width);
        return new ValuesAppend(
                spreadsheet,
                sheet,
                table,
                writeRow,
                inserted,
                newRowCount,
                newColumnCount,
                new ValuesWrite(sheet, area, entries));
    }

    private static GridRect findTable(Sheet sheet, GridRect searched, GridRect limits) {
        int lastRow = Math.min(searched.endRow(), sheet.lastValueRow(searched.startColumn(), searched.endColumn()));
        for (int r = searched.startRow(); r < lastRow; r++) {
            for (int c = searched.startColumn(); c < searched.endColumn(); c++) {
                if (sheet.value(r, c) != null) {
                    return grow(sheet, r, c, limits);
                }
            }
        }
        return null;
    }

    /** The block of value cells connected to (row, column), within {@code limits}. */
    private static GridRect grow(Sheet sheet, int row, int column, GridRect limits) {
        int top = row;
        int bottom = row + 1;
        int left = column;
        int right = column + 1;
        boolean grown = true;
        while (grown) {
            grown = false;
            while (bottom < limits.endRow()
                    && sheet.rowHasValue(
                            bottom,
                            Math.max(limits.startColumn(), left - 1),
                            Math.min(limits.endColumn(), right + 1))) {
                bottom++;
                grown = true;
            }
            int rowsBelow = Math.min(limits.endRow(), bottom + 1);
            while (left > limits.startColumn() && columnHasValue(sheet, left - 1, top, rowsBelow)) {
                left--;
                grown = true;
            }
            while (right < limits.endColumn() && columnHasValue(sheet, right, top, rowsBelow)) {
                right++;
                grown = true;
            }
        }
        return new GridRect(sheet.title(), top, left, bottom, right);
    }

    private Sheet sheetById(int sheetId) {
        return spreadsheet.sheetById(sheetId).orElseThrow();
    }

    private static boolean columnHasValue(Sheet sheet, int column, int fromRow, int toRow) {
        int last = Math.min(toRow, sheet.lastValueRow(column, column + 1));
        for (int r = fromRow; r < last; r++) {
            if (sheet.value(r, column) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the append. Rows inserted by INSERT_ROWS are a structural change like an insertDimension: the
     * formulas pointing below them and the metadata of the rows below move too (the rows start with no format).
     */
    public void apply() {
        if (insertRows > 0) {
            sheet.insertRows(insertAt, insertRows);
            GridShift shift = new GridShift.Insert(sheet.sheetId(), true, insertAt, insertRows);
            FormulaShift.rewriteAll(spreadsheet.sheets(), sheet.title(), shift, this::sheetById);
            MetadataDraft.follow(spreadsheet.developerMetadata(), shift);
        }
        if (newRowCount != sheet.rowCount() || newColumnCount != sheet.columnCount()) {
            sheet.resize(newRowCount, newColumnCount);
        }
        write.apply();
    }
}
