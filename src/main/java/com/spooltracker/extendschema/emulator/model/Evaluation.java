package com.spooltracker.extendschema.emulator.model;

/**
 * The effective values of a spreadsheet's cells, for one read. Call with the spreadsheet's lock held.
 */
public final class Evaluation {

    private final Spreadsheet spreadsheet;

    public Evaluation(Spreadsheet spreadsheet) {
        this.spreadsheet = spreadsheet;
    }

    public Spreadsheet spreadsheet() {
        return spreadsheet;
    }

    /** What {@code cell} at (row, column) of {@code sheet} shows; null when it shows nothing. */
    public EffectiveValue of(Sheet sheet, int row, int column) {
        Cell cell = sheet.cell(row, column);
        CellValue value = cell == null ? null : cell.value();
        if (value == null) {
            return null;
        }
        if (value instanceof EffectiveValue plain) {
            return plain;
        }
        if (value instanceof CellValue.ArrayOutput output) {
            return output.shown();
        }
        return new CellValue.Text(((CellValue.Formula) value).formula());
    }
}
