package com.spooltracker.extendschema.migrations;

/**
 * The spreadsheet's titles for the sheets the files name as the tracker does: {@code Operaciones} is
 * {@code SHEET_NAME}, {@code Metadata} is {@code METADATA_SHEET}, {@code Uniones} is
 * {@code UNIONES_SHEET}; any other name is a title as it stands.
 */
public record SheetNames(String spools, String metadata, String unions) {
    public static final String SPOOLS = "Operaciones";
    public static final String METADATA = "Metadata";
    public static final String UNIONS = "Uniones";

    public String titleOf(String declared) {
        if (declared.equalsIgnoreCase(SPOOLS)) {
            return spools;
        }
        if (declared.equalsIgnoreCase(METADATA)) {
            return metadata;
        }
        if (declared.equalsIgnoreCase(UNIONS)) {
            return unions;
        }
        return declared;
    }

    /** Whether a declared name is the migrated sheet (the one whose defaults are kept up on every run). */
    public boolean isSpools(String declared) {
        return titleOf(declared).equalsIgnoreCase(spools);
    }
}
