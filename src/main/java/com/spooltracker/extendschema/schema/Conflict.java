package com.spooltracker.extendschema.schema;

import java.util.List;

/** A reason the migration refuses to touch the sheet. {@code cells} names the cells in A1 notation. */
public record Conflict(Kind kind, String message, List<String> cells) {
    public enum Kind {
        NO_HEADER_ROW,
        KEY_COLUMN_MISSING,
        DUPLICATE_HEADER,
        NON_EMPTY_CELLS,
        CELL_LIMIT,
        REQUIRED_HEADER_MISSING,
        NO_ROOM_AFTER
    }

    public Conflict {
        cells = List.copyOf(cells);
    }
}
