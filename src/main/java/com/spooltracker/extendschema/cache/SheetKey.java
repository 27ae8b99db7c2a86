package com.spooltracker.extendschema.cache;

import java.util.Objects;

/** Identifies one sheet: spreadsheet id plus sheet title. */
public record SheetKey(String spreadsheetId, String sheetTitle) {
    public SheetKey {
        Objects.requireNonNull(spreadsheetId, "spreadsheetId");
        Objects.requireNonNull(sheetTitle, "sheetTitle");
    }

    @Override
    public String toString() {
        return spreadsheetId + "/" + sheetTitle;
    }
}
