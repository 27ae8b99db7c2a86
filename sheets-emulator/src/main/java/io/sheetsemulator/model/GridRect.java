package io.sheetsemulator.model;

/**
 * A bounded rectangle on a named sheet: 0-based, ends exclusive. Prints itself the way Google
 * echoes ranges ({@code Sheet1!A1:B2}, a lone cell as {@code Sheet1!A1}).
 */
public record GridRect(String sheetTitle, int startRow, int startColumn, int endRow, int endColumn) {

    public int rows() {
        return endRow - startRow;
    }

    public int columns() {
        return endColumn - startColumn;
    }

    public boolean isEmpty() {
        return rows() <= 0 || columns() <= 0;
    }

    public long cells() {
        return (long) Math.max(0, rows()) * Math.max(0, columns());
    }

    public boolean fitsIn(Sheet sheet) {
        return startRow < sheet.rowCount()
                && startColumn < sheet.columnCount()
                && endRow <= sheet.rowCount()
                && endColumn <= sheet.columnCount();
    }

    public String a1() {
        String prefix = SheetTitles.quoteIfNeeded(sheetTitle) + "!";
        String start = ColumnLetters.of(startColumn) + (startRow + 1);
        if (rows() == 1 && columns() == 1) {
            return prefix + start;
        }
        return prefix + start + ":" + ColumnLetters.of(endColumn - 1) + endRow;
    }

    @Override
    public String toString() {
        return a1();
    }

    public static SheetsError.InvalidArgument exceedsGridLimits(GridRect rect, Sheet sheet) {
        return exceedsGridLimits(rect.a1(), sheet);
    }

    /** Google's refusal of {@code a1}, a range not (wholly) on {@code sheet}'s grid. */
    public static SheetsError.InvalidArgument exceedsGridLimits(String a1, Sheet sheet) {
        return SheetsError.invalid("Range (" + a1 + ") exceeds grid limits. Max rows: " + sheet.rowCount()
                + ", max columns: " + sheet.columnCount());
    }

    public void requireInGrid(Sheet sheet) {
        if (!fitsIn(sheet)) {
            throw exceedsGridLimits(this, sheet);
        }
    }
}
