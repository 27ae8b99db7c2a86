package io.sheetsemulator.model;

import java.util.List;

/**
 * A validated write of a {@code values} matrix (rows already in ROWS order) at {@code area}'s top-left
 * corner. Planning checks everything; {@link #apply()} cannot fail.
 */
public record ValuesWrite(Sheet sheet, GridRect area, Entry[][] entries) {

    /**
     * Plans a values.update / values.batchUpdate of {@code values} into {@code rangeText}. A lone cell
     * is an anchor the data grows from; any other range bounds the data, as in the API.
     */
    public static ValuesWrite plan(
            Spreadsheet spreadsheet, String rangeText, List<List<Object>> values, ValueInputOption option) {
        A1Range range = A1Range.parse(rangeText);
        Sheet sheet = range.sheetIn(spreadsheet, rangeText);
        range.requireStartInGrid(sheet);
        Entry[][] entries = entries(values, option);
        int width = width(entries);
        if (!range.singleCell()) {
            GridRect bounds = range.clampedTo(sheet);
            if (range.endRow() != null && range.startRow() + entries.length > range.endRow()) {
                throw SheetsError.invalid("Requested writing within range [" + bounds.a1()
                        + "], but tried writing to row [" + (range.endRow() + 1) + "]");
            }
            if (range.endColumn() != null && range.startColumn() + width > range.endColumn()) {
                throw SheetsError.invalid("Requested writing within range [" + bounds.a1()
                        + "], but tried writing to column [" + ColumnLetters.of(range.endColumn()) + "]");
            }
        }
        GridRect area = new GridRect(
                sheet.title(),
                range.startRow(),
                range.startColumn(),
                range.startRow() + entries.length,
                range.startColumn() + width);
        if (!area.isEmpty()) {
            area.requireInGrid(sheet);
        }
        return new ValuesWrite(sheet, area, entries);
    }

    /**
     * Plans a write of {@code values} from the top-left corner of {@code bounds}, a range of cells on
     * {@code sheet} that the data must not exceed (a data filter's matched range): "If the provided values
     * exceed any of the ranges matched by the data filter then the request fails. If the provided values
     * are less than the matched ranges only the specified values are written" (DataFilterValueRange).
     */
    public static ValuesWrite planInto(
            Sheet sheet, GridRect bounds, List<List<Object>> values, ValueInputOption option) {
        Entry[][] entries = entries(values, option);
        int width = width(entries);
        if (entries.length > bounds.rows()) {
            throw SheetsError.invalid("Requested writing within range [" + bounds.a1() + "], but tried writing to row ["
                    + (bounds.endRow() + 1) + "]");
        }
        if (width > bounds.columns()) {
            throw SheetsError.invalid("Requested writing within range [" + bounds.a1()
                    + "], but tried writing to column [" + ColumnLetters.of(bounds.endColumn()) + "]");
        }
        GridRect area = new GridRect(
                sheet.title(),
                bounds.startRow(),
                bounds.startColumn(),
                bounds.startRow() + entries.length,
                bounds.startColumn() + width);
        return new ValuesWrite(sheet, area, entries);
    }

    static Entry[][] entries(List<List<Object>> values, ValueInputOption option) {
        Entry[][] entries = new Entry[values.size()][];
        for (int r = 0; r < values.size(); r++) {
            List<Object> row = values.get(r) == null ? List.of() : values.get(r);
            entries[r] = new Entry[row.size()];
            for (int c = 0; c < row.size(); c++) {
                entries[r][c] = option.entry(row.get(c));
            }
        }
        return entries;
    }

    static int width(Entry[][] entries) {
        int width = 0;
        for (Entry[] row : entries) {
            width = Math.max(width, row.length);
        }
        return width;
    }

    public void apply() {
        for (int r = 0; r < entries.length; r++) {
            for (int c = 0; c < entries[r].length; c++) {
                Entry entry = entries[r][c];
                if (!(entry instanceof Entry.Skip)) {
                    int row = area.startRow() + r;
                    int column = area.startColumn() + c;
                    sheet.set(row, column, entry.over(sheet.cell(row, column)));
                }
            }
        }
    }

    /** What the API reports for this write. */
    public Updated updated() {
        int rows = 0;
        int cells = 0;
        boolean[] columns = new boolean[area.columns()];
        for (Entry[] row : entries) {
            boolean any = false;
            for (int c = 0; c < row.length; c++) {
                if (!(row[c] instanceof Entry.Skip)) {
                    any = true;
                    cells++;
                    columns[c] = true;
                }
            }
            rows += any ? 1 : 0;
        }
        int columnCount = 0;
        for (boolean used : columns) {
            columnCount += used ? 1 : 0;
        }
        return new Updated(area.isEmpty() ? null : area.a1(), rows, columnCount, cells);
    }

    /** An UpdateValuesResponse's figures; {@code range} is null when nothing was written. */
    public record Updated(String range, int rows, int columns, int cells) {}
}
