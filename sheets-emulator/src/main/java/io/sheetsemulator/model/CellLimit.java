package io.sheetsemulator.model;

/** The 10,000,000-cell ceiling on a spreadsheet. */
final class CellLimit {

    private CellLimit() {}

    static SheetsError.InvalidArgument exceeded() {
        return SheetsError.invalid("This action would increase the number of cells in the workbook above the limit of "
                + Spreadsheet.CELL_LIMIT + " cells.");
    }

    static void check(long cellsAfter) {
        if (cellsAfter > Spreadsheet.CELL_LIMIT) {
            throw exceeded();
        }
    }
}
