package com.spooltracker.extendschema.migrations;

/**
 * One entry of a spreadsheet's schema history: a migration version recorded as applied.
 *
 * @param checksum the checksum of the file as it was applied
 * @param installedOn when, as an ISO-8601 instant
 * @param installedBy the identity the function ran as, or "unknown"
 * @param outcome {@link #APPLIED}: the run made its changes; {@link #BASELINE}: the spreadsheet already
 *     had them (migrated by hand or by an earlier script), so only the record was written
 */
public record AppliedMigration(
        Version version,
        String description,
        String script,
        long checksum,
        String installedOn,
        String installedBy,
        String outcome) {
    public static final String APPLIED = "APPLIED";
    public static final String BASELINE = "BASELINE";
}
