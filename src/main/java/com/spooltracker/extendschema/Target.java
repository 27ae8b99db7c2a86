package com.spooltracker.extendschema;

import com.spooltracker.extendschema.cache.SheetKey;
import com.spooltracker.extendschema.migrations.SheetNames;
import java.util.Optional;

/**
 * Which sheet a migration works on, how it recognises data rows and records its runs, the sheet the
 * metrics refresh computes the metrics from, and the tracker's event log.
 */
public record Target(
        String spreadsheetId,
        String sheet,
        String keyColumn,
        Optional<String> auditSheet,
        String unionesSheet,
        String metadataSheet) {
    /** A target whose event log is the default {@code Metadata}. */
    public Target(
            String spreadsheetId, String sheet, String keyColumn, Optional<String> auditSheet, String unionesSheet) {
        this(spreadsheetId, sheet, keyColumn, auditSheet, unionesSheet, SheetNames.METADATA);
    }

    /** A target whose metrics come from the default {@code Uniones}. */
    public Target(String spreadsheetId, String sheet, String keyColumn, Optional<String> auditSheet) {
        this(spreadsheetId, sheet, keyColumn, auditSheet, Config.DEFAULT_UNIONES_SHEET);
    }

    /** The spreadsheet's titles for the sheets the migration files name. */
    public SheetNames names() {
        return new SheetNames(sheet, metadataSheet, unionesSheet);
    }

    public SheetKey key() {
        return new SheetKey(spreadsheetId, sheet);
    }
}
