package io.sheetsemulator.model;

/**
 * A DimensionRange checked as every request taking one checks it: ROWS or COLUMNS, both ends given, 0 <= start
 * < end. Google refuses a missing startIndex with "range.startIndex must be set" (reported against the live
 * API); the other messages here are the emulator's own wording.
 */
record DimensionSpan(int sheetId, boolean rows, int start, int end) {

    static DimensionSpan of(SheetRequest.DimensionRange range, String field) {
        boolean rows = switch (range.dimension() == null ? "" : range.dimension()) {
            case "ROWS" -> true;
            case "COLUMNS" -> false;
            default -> throw SheetsError.invalid(field + ".dimension must be ROWS or COLUMNS.");
        };
        if (range.startIndex() == null) {
            throw SheetsError.invalid(field + ".startIndex must be set");
        }
        if (range.endIndex() == null) {
            throw SheetsError.invalid(field + ".endIndex must be set");
        }
        int start = range.startIndex();
        int end = range.endIndex();
        if (start < 0 || end <= start) {
            throw SheetsError.invalid(
                    field + " must have 0 <= startIndex < endIndex, got [" + start + ", " + end + ").");
        }
        return new DimensionSpan(range.sheetId(), rows, start, end);
    }

    int count() {
        return end - start;
    }

    /** How many rows (or columns) {@code sheet} has along this span's dimension. */
    int size(Sheet sheet) {
        return rows ? sheet.rowCount() : sheet.columnCount();
    }

    /** The refusal of this span as lying (partly) past the grid, naming it as A1 whole rows or columns. */
    SheetsError.InvalidArgument outOfGrid(Sheet sheet) {
        String cells = rows ? (start + 1) + ":" + end : ColumnLetters.of(start) + ":" + ColumnLetters.of(end - 1);
        return GridRect.exceedsGridLimits(SheetTitles.quoteIfNeeded(sheet.title()) + "!" + cells, sheet);
    }
}
