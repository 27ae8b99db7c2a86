package com.spooltracker.extendschema.migrations;

import com.spooltracker.extendschema.schema.ColumnSpec;
import java.util.List;
import java.util.Optional;

/**
 * What one migration file declares for one sheet.
 *
 * @param sheet the sheet's name as the tracker calls it ({@code Operaciones}, {@code Metadata},
 *     {@code Uniones}); the configuration maps it to the spreadsheet's title
 * @param requires headers that must already be in row 1: checked, never written
 * @param addColumns columns to add, in order
 * @param key the header whose non-blank cells mark data rows (for defaults); empty: the configured
 *     {@code KEY_COLUMN} on the migrated sheet, none elsewhere
 */
public record SheetChange(String sheet, List<String> requires, List<ColumnSpec> addColumns, Optional<String> key) {
    public SheetChange {
        requires = List.copyOf(requires);
        addColumns = List.copyOf(addColumns);
    }

    /** A change that only checks headers writes nothing. */
    public boolean writes() {
        return !addColumns.isEmpty();
    }
}
