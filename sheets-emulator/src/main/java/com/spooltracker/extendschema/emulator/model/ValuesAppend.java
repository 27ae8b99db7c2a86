package com.spooltracker.extendschema.emulator.model;

import java.util.List;

/**
 * A planned values.append: the table found in the range, the rows to insert or grow, and the write
 * after the table's last row.
 *
 * <p>The table is the first run of consecutive rows, from the range's top, with a value in the
 * range's columns (a lone-cell range searches from that cell to the right and bottom edges). The new rows are
 * written from the range's first column, right after that run (or at the range's top when there is no
 * data). INSERT_ROWS inserts as many rows as are written; OVERWRITE grows the grid only when the data
 * would run past it.
 */
public record ValuesAppend(Sheet sheet, GridRect table, int insertAt, int insertRows, int newRowCount,
        int newColumnCount, ValuesWrite write) {

    public static ValuesAppend plan(Spreadsheet spreadsheet, String rangeText, List<List<Object>> values,
            ValueInputOption option, boolean insertRows) {
        A1Range range = A1Range.parse(rangeText);
        Sheet sheet = range.sheetIn(spreadsheet, rangeText);
        GridRect bounds = range.clampedTo(sheet);
        int fromColumn = bounds.startColumn();
        int toColumn = range.singleCell() ? sheet.columnCount() : bounds.endColumn();
        int toRow = range.singleCell() ? sheet.rowCount() : bounds.endRow();

        GridRect table = findTable(sheet, bounds.startRow(), toRow, fromColumn, toColumn);
        int writeRow = table == null ? bounds.startRow() : table.endRow();

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
        return new ValuesAppend(sheet, table, writeRow, inserted, newRowCount, newColumnCount,
                new ValuesWrite(sheet, area, entries));
    }

    private static GridRect findTable(Sheet sheet, int fromRow, int toRow, int fromColumn, int toColumn) {
        int last = Math.min(toRow, sheet.lastValueRow(fromColumn, toColumn));
        int start = fromRow;
        while (start < last && !sheet.rowHasValue(start, fromColumn, toColumn)) {
            start++;
        }
        if (start >= last) {
            return null;
        }
        int end = start;
        int lastColumn = fromColumn;
        while (end < toRow && sheet.rowHasValue(end, fromColumn, toColumn)) {
            for (int c = toColumn - 1; c >= lastColumn; c--) {
                if (sheet.value(end, c) != null) {
                    lastColumn = c;
                    break;
                }
            }
            end++;
        }
        return new GridRect(sheet.title(), start, fromColumn, end, lastColumn + 1);
    }

    public void apply() {
        if (insertRows > 0) {
            sheet.insertRows(insertAt, insertRows);
        }
        if (newRowCount != sheet.rowCount() || newColumnCount != sheet.columnCount()) {
            sheet.resize(newRowCount, newColumnCount);
        }
        write.apply();
    }
}
