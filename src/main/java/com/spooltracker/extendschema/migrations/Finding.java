package com.spooltracker.extendschema.migrations;

import java.util.List;

/**
 * One way a spreadsheet differs from the declared schema, as {@code validate} reports it.
 *
 * @param sheet the spreadsheet's title of the sheet concerned; empty for the history
 * @param cells the cells concerned in A1 notation, when there are any
 */
public record Finding(Kind kind, String sheet, String message, List<String> cells) {
    public enum Kind {
        MISSING_SHEET,
        MISSING_HEADER,
        DUPLICATE_HEADER,
        MISPLACED_HEADER,
        PENDING_MIGRATION,
        CHECKSUM_MISMATCH,
        UNKNOWN_VERSION,
        UNREADABLE_HISTORY,
        LEGACY_AUDIT_ROWS
    }

    public Finding {
        cells = List.copyOf(cells);
    }
}
