package com.spooltracker.extendschema.schema;

/**
 * One grid read of the migrated sheet with the plan made from it: what the metrics refresh that follows
 * the migration step decides from, handed from one step to the other as a value.
 *
 * @param snapshot the read, with every cell of the key, OT and metric columns
 * @param layout the header as it is once the plan is applied
 * @param applied whether the plan's writes were made (false on a dry run: added columns do not exist)
 */
public record PlannedRead(Plan plan, SheetSnapshot snapshot, ColumnMap layout, boolean applied) {}
