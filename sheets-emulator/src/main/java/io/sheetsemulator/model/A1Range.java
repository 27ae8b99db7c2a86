package io.sheetsemulator.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range in A1 notation as parsed, before it meets a sheet. Indexes are 0-based, ends exclusive;
 * a null end means "to the edge of the grid" ({@code A:A}, {@code 1:1}, {@code BP2:BT}).
 *
 * @param sheetTitle the sheet named in the range, or null for the first sheet
 * @param startRow first row; 0 when the range names only columns
 * @param startColumn first column; 0 when the range names only rows
 * @param endRow row after the last, or null for unbounded
 * @param endColumn column after the last, or null for unbounded
 * @param singleCell true for a lone cell reference such as {@code B7}
 */
public record A1Range(
        String sheetTitle, int startRow, int startColumn, Integer endRow, Integer endColumn, boolean singleCell) {

    /** Larger than any grid the API allows; keeps row arithmetic inside an int. */
    private static final int MAX_ROW = 100_000_000;

    private static final Pattern CELL_PART =
            Pattern.compile("([A-Za-z]{0,3})([0-9]{0,9})(?::([A-Za-z]{0,3})([0-9]{0,9}))?");

    /** Parses {@code text}; throws "Unable to parse range: text" when it is not A1 notation. */
    public static A1Range parse(String text) {
        if (text == null || text.isEmpty()) {
            throw SheetsError.unparsableRange(text == null ? "" : text);
        }
        if (text.startsWith("'")) {
            return parseQuoted(text);
        }
        int bang = text.indexOf('!');
        if (bang >= 0) {
            String sheet = text.substring(0, bang);
            if (sheet.isEmpty()) {
                throw SheetsError.unparsableRange(text);
            }
            return cells(sheet, text.substring(bang + 1), text);
        }
        A1Range cells = tryCells(null, text);
        return cells != null ? cells : wholeSheet(text);
    }

    private static A1Range parseQuoted(String text) {
        StringBuilder title = new StringBuilder();
        int i = 1;
        while (true) {
            if (i >= text.length()) {
                throw SheetsError.unparsableRange(text);
            }
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    title.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            title.append(c);
            i++;
        }
        if (title.isEmpty()) {
            throw SheetsError.unparsableRange(text);
        }
        String rest = text.substring(i + 1);
        if (rest.isEmpty()) {
            return wholeSheet(title.toString());
        }
        if (!rest.startsWith("!")) {
            throw SheetsError.unparsableRange(text);
        }
        return cells(title.toString(), rest.substring(1), text);
    }

    private static A1Range wholeSheet(String title) {
        return new A1Range(title, 0, 0, null, null, false);
    }

    private static A1Range cells(String sheet, String cellPart, String text) {
        A1Range range = tryCells(sheet, cellPart);
        if (range == null) {
            throw SheetsError.unparsableRange(text);
        }
        return range;
    }

    /** The cell part ({@code A1}, {@code A1:B2}, {@code A:A}, {@code 2:2}, {@code A5:A}), or null. */
    private static A1Range tryCells(String sheet, String part) {
        Matcher m = CELL_PART.matcher(part);
        if (!m.matches()) {
            return null;
        }
        String c1 = m.group(1);
        String r1 = m.group(2);
        boolean hasEnd = m.group(3) != null;
        if (!hasEnd) {
            if (c1.isEmpty() || r1.isEmpty()) {
                return null;
            }
            int row = row(r1);
            int col = ColumnLetters.toIndex(c1);
            if (row < 0) {
                return null;
            }
            return new A1Range(sheet, row, col, row + 1, col + 1, true);
        }
        String c2 = m.group(3);
        String r2 = m.group(4);
        if ((c1.isEmpty() && r1.isEmpty()) || (c2.isEmpty() && r2.isEmpty())) {
            return null;
        }
        int startRow = r1.isEmpty() ? 0 : row(r1);
        int endRowIncl = r2.isEmpty() ? -1 : row(r2);
        if ((!r1.isEmpty() && startRow < 0) || (!r2.isEmpty() && endRowIncl < 0)) {
            return null;
        }
        int startCol = c1.isEmpty() ? 0 : ColumnLetters.toIndex(c1);
        Integer endRow = r2.isEmpty() ? null : endRowIncl + 1;
        Integer endCol = c2.isEmpty() ? null : ColumnLetters.toIndex(c2) + 1;
        // Reversed corners (B2:A1) name the same rectangle.
        if (endRow != null && endRow <= startRow) {
            int lo = endRow - 1;
            endRow = startRow + 1;
            startRow = lo;
        }
        if (endCol != null && endCol <= startCol) {
            int lo = endCol - 1;
            endCol = startCol + 1;
            startCol = lo;
        }
        return new A1Range(sheet, startRow, startCol, endRow, endCol, false);
    }

    /** 0-based row from a 1-based row number, or -1 when it is 0 or absurdly large. */
    private static int row(String digits) {
        long n = Long.parseLong(digits);
        return n < 1 || n > MAX_ROW ? -1 : (int) (n - 1);
    }

    /** The sheet this range is on: the named one (case-insensitive) or the first. */
    public Sheet sheetIn(Spreadsheet spreadsheet, String rangeAsSent) {
        if (sheetTitle == null) {
            if (spreadsheet.sheets().isEmpty()) {
                throw SheetsError.unparsableRange(rangeAsSent);
            }
            return spreadsheet.sheets().get(0);
        }
        return spreadsheet.sheetByTitle(sheetTitle).orElseThrow(() -> SheetsError.unparsableRange(rangeAsSent));
    }

    /**
     * This range on {@code sheet} for reading: the start must lie inside the grid, the end is clamped.
     */
    public GridRect clampedTo(Sheet sheet) {
        requireStartInGrid(sheet);
        int r1 = endRow == null ? sheet.rowCount() : Math.min(endRow, sheet.rowCount());
        int c1 = endColumn == null ? sheet.columnCount() : Math.min(endColumn, sheet.columnCount());
        return new GridRect(sheet.title(), startRow, startColumn, r1, c1);
    }

    public void requireStartInGrid(Sheet sheet) {
        if (startRow >= sheet.rowCount() || startColumn >= sheet.columnCount()) {
            // Google names the range with its open ends left open (batchClear: "Range (T!A221:ZZ) exceeds ...").
            A1Range named = new A1Range(sheet.title(), startRow, startColumn, endRow, endColumn, singleCell);
            throw GridRect.exceedsGridLimits(named.toString(), sheet);
        }
    }

    /** Canonical A1 text: uppercase letters, quotes only when needed, open ends left open. */
    @Override
    public String toString() {
        String sheet = sheetTitle == null ? "" : SheetTitles.quoteIfNeeded(sheetTitle);
        String cells;
        if (singleCell) {
            cells = ColumnLetters.of(startColumn) + (startRow + 1);
        } else if (endRow == null && endColumn == null && startRow == 0 && startColumn == 0) {
            return sheet;
        } else {
            boolean rowsOnly = endColumn == null && startColumn == 0;
            boolean columnsOnly = endRow == null && startRow == 0;
            String start = (rowsOnly ? "" : ColumnLetters.of(startColumn))
                    + (columnsOnly ? "" : Integer.toString(startRow + 1));
            String end = (endColumn == null ? "" : ColumnLetters.of(endColumn - 1))
                    + (endRow == null ? "" : Integer.toString(endRow));
            cells = start + ":" + end;
        }
        return sheet.isEmpty() ? cells : sheet + "!" + cells;
    }
}
