package io.sheetsemulator.model;

/**
 * The cells a metadata location or a data filter's range covers, for "intersecting" matches: a sheet (or
 * every sheet, {@code sheetId} null) and spans of rows and columns, ends exclusive, open ends as
 * {@link Integer#MAX_VALUE}.
 */
record Region(Integer sheetId, int startRow, int endRow, int startColumn, int endColumn) {

    private static final int ALL = Integer.MAX_VALUE;

    static Region of(DeveloperMetadata.Location location) {
        if (location instanceof DeveloperMetadata.OnSheet s) {
            return new Region(s.sheetId(), 0, ALL, 0, ALL);
        }
        if (location instanceof DeveloperMetadata.OnDimension d) {
            return d.rows()
                    ? new Region(d.sheetId(), d.index(), d.index() + 1, 0, ALL)
                    : new Region(d.sheetId(), 0, ALL, d.index(), d.index() + 1);
        }
        return new Region(null, 0, ALL, 0, ALL);
    }

    static Region of(int sheetId, GridRect rect) {
        return new Region(sheetId, rect.startRow(), rect.endRow(), rect.startColumn(), rect.endColumn());
    }

    boolean intersects(Region other) {
        boolean sameSheet = sheetId == null || other.sheetId == null || sheetId.equals(other.sheetId);
        return sameSheet
                && startRow < other.endRow
                && other.startRow < endRow
                && startColumn < other.endColumn
                && other.startColumn < endColumn;
    }
}
