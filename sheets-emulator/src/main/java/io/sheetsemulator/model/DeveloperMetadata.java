package io.sheetsemulator.model;

/**
 * Developer metadata: a key (and optional value) tied to the spreadsheet, a sheet, or one row or column,
 * which it follows as rows and columns are inserted, deleted or moved, and with which it is deleted
 * (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata). Immutable.
 *
 * @param metadataId positive, unique within the spreadsheet
 * @param value null when none was given
 * @param visibility DOCUMENT or PROJECT; the emulator has no projects, so both are visible to every caller
 */
public record DeveloperMetadata(int metadataId, String key, String value, Location location, String visibility) {

    /** Where metadata is tied. */
    public sealed interface Location {

        /** The location type Google reports: SPREADSHEET, SHEET, ROW or COLUMN. */
        String type();
    }

    /** The whole spreadsheet. */
    public record OnSpreadsheet() implements Location {
        @Override
        public String type() {
            return "SPREADSHEET";
        }
    }

    /** A sheet, by id. */
    public record OnSheet(int sheetId) implements Location {
        @Override
        public String type() {
            return "SHEET";
        }
    }

    /** One row ({@code rows}) or column of a sheet, by 0-based index. */
    public record OnDimension(int sheetId, boolean rows, int index) implements Location {
        @Override
        public String type() {
            return rows ? "ROW" : "COLUMN";
        }
    }

    public DeveloperMetadata at(Location newLocation) {
        return new DeveloperMetadata(metadataId, key, value, newLocation, visibility);
    }

    /** The sheet this metadata is on, or null for spreadsheet-level metadata. */
    public Integer sheetId() {
        if (location instanceof OnSheet s) {
            return s.sheetId();
        }
        return location instanceof OnDimension d ? d.sheetId() : null;
    }
}
