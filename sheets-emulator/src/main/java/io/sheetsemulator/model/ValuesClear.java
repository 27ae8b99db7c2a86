package io.sheetsemulator.model;

/**
 * A planned values.clear of one range: entered values go, formats stay (as in the API), and so does an
 * array formula's output, which is not an entered value. The range is read like a values.get range:
 * its start must lie in the grid, its end is clamped, and {@link #cleared()} is the canonical range.
 */
public record ValuesClear(Sheet sheet, GridRect cleared) {

    public static ValuesClear plan(Spreadsheet spreadsheet, String rangeText) {
        A1Range range = A1Range.parse(rangeText);
        Sheet sheet = range.sheetIn(spreadsheet, rangeText);
        return new ValuesClear(sheet, range.clampedTo(sheet));
    }

    public void apply() {
        int lastRow = Math.min(cleared.endRow(), sheet.lastCellRow());
        for (int r = cleared.startRow(); r < lastRow; r++) {
            for (int c = cleared.startColumn(); c < cleared.endColumn(); c++) {
                Cell cell = sheet.cell(r, c);
                if (cell != null && cell.value() != null) {
                    sheet.set(r, c, Entry.CLEAR.over(cell));
                }
            }
        }
    }
}
