package io.sheetsemulator.model;

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

    /** {@code insertDimension}: empty rows or columns before {@code range.startIndex}. */
    record InsertDimension(DimensionRange range, boolean inheritFromBefore) implements SheetRequest {
        public String kind() {
            return "insertDimension";
        }
    }

    /** {@code deleteDimension}: the rows or columns of {@code range}. */
    record DeleteDimension(DimensionRange range) implements SheetRequest {
        public String kind() {
            return "deleteDimension";
        }
    }

    /** {@code moveDimension}: {@code source} moved before {@code destinationIndex} (pre-move coordinates). */
    record MoveDimension(DimensionRange source, Integer destinationIndex) implements SheetRequest {
        public String kind() {
            return "moveDimension";
        }
    }

    /**
     * {@code updateCells}: {@code rows} of cells written from {@code start} (a lone corner, only the data
     * given is written) or into {@code range} (cells of the range the data does not cover have the
     * {@code fields} cleared). {@code fields} are leaf paths relative to CellData.
     */
    record UpdateCells(List<List<CellEdit>> rows, GridRange start, GridRange range, List<String> fields)
            implements SheetRequest {
        public String kind() {
            return "updateCells";
        }
    }

    /** One CellData of an updateCells: its userEnteredValue and number format, each null when absent. */
    record CellEdit(CellValue value, NumberFormat format) {}

    /** A DimensionRange: 0-based, end-exclusive; null indexes were not given. */
    record DimensionRange(int sheetId, String dimension, Integer startIndex, Integer endIndex) {}

    /**
     * {@code createDeveloperMetadata}; {@code metadataId} null lets the emulator pick one. The location is
     * checked when applied.
     */
    record CreateDeveloperMetadata(MetadataSpec metadata) implements SheetRequest {
        public String kind() {
            return "createDeveloperMetadata";
        }
    }

    /**
     * {@code updateDeveloperMetadata}: the metadata any of {@code filters} selects gets the {@code fields}
     * (metadataKey, metadataValue, visibility, location, or {@code *}) of {@code metadata}.
     */
    record UpdateDeveloperMetadata(List<DataFilter> filters, MetadataSpec metadata, List<String> fields)
            implements SheetRequest {
        public String kind() {
            return "updateDeveloperMetadata";
        }
    }

    /** {@code deleteDeveloperMetadata}: every metadata {@code filter} selects. */
    record DeleteDeveloperMetadata(DataFilter filter) implements SheetRequest {
        public String kind() {
            return "deleteDeveloperMetadata";
        }
    }

    /** A DeveloperMetadata as a request gives it: any field may be missing (null). */
    record MetadataSpec(Integer metadataId, String key, String value, LocationSpec location, String visibility) {}

    /**
     * A DeveloperMetadataLocation as given: {@code spreadsheet: true}, a {@code sheetId} or a
     * {@code dimensionRange}; {@code count} is how many of the three were set.
     */
    record LocationSpec(boolean spreadsheet, Integer sheetId, DimensionRange dimensionRange, int count) {}

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
