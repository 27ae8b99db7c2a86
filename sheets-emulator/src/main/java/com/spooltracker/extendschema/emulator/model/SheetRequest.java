package com.spooltracker.extendschema.emulator.model;

import java.util.List;

/** One request of a spreadsheets.batchUpdate, as the emulator understands it. */
public sealed interface SheetRequest {

    /** The request's JSON key, used in error messages ({@code Invalid requests[i].<kind>: ...}). */
    String kind();

    /**
     * {@code updateSheetProperties}; {@code fields} are the mask's leaf paths relative to
     * {@code properties} ({@code title}, {@code gridProperties.rowCount}, {@code *}, ...).
     */
    record UpdateSheetProperties(
            int sheetId,
            String title,
            Integer index,
            Integer rowCount,
            Integer columnCount,
            Integer frozenRowCount,
            List<String> fields)
            implements SheetRequest {
        public String kind() {
            return "updateSheetProperties";
        }
    }

    /** {@code appendDimension}: {@code dimension} is ROWS or COLUMNS. */
    record AppendDimension(int sheetId, String dimension, int length) implements SheetRequest {
        public String kind() {
            return "appendDimension";
        }
    }

    /**
     * {@code repeatCell}; {@code fields} are leaf paths relative to {@code cell}
     * ({@code userEnteredFormat.numberFormat}, {@code userEnteredValue}, {@code *}).
     */
    record RepeatCell(GridRange range, CellValue value, NumberFormat format, List<String> fields)
            implements SheetRequest {
        public String kind() {
            return "repeatCell";
        }
    }

    /** {@code addSheet}; null properties take Google's defaults (1000 x 26, title SheetN). */
    record AddSheet(
            Integer sheetId, String title, Integer index, Integer rowCount, Integer columnCount, Integer frozenRowCount)
            implements SheetRequest {
        public String kind() {
            return "addSheet";
        }
    }

    /** A request kind the emulator does not implement; applying it is an error, never a silent success. */
    record Unsupported(String kind) implements SheetRequest {}

    /** A GridRange: 0-based, end-exclusive, a null index meaning unbounded. */
    record GridRange(
            int sheetId,
            Integer startRowIndex,
            Integer endRowIndex,
            Integer startColumnIndex,
            Integer endColumnIndex) {}
}
