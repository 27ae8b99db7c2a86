package com.spooltracker.extendschema.schema;

/**
 * A developer metadata entry of the spreadsheet itself (not of a sheet, row or column) whose key is
 * one of the function's ({@code extendSchema.*}): the schema history is kept there, where the
 * tracker never looks, and a grid read returns it in the same answer.
 *
 * @param metadataId Google's id of the entry
 * @param key its key, e.g. {@code extendSchema.history}
 * @param value its value as stored (JSON text for history entries)
 */
public record SpreadsheetNote(int metadataId, String key, String value) {
    /** The prefix of every key the function writes. */
    public static final String KEY_PREFIX = "extendSchema.";
}
