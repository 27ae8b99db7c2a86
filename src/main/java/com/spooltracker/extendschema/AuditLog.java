package com.spooltracker.extendschema;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The audit step: one row in {@code AUDIT_SHEET} (default {@code extendSchema_log}) for each step that
 * wrote. The sheet is the function's own, never the tracker's {@code Metadata}: the tracker parses every
 * row of {@code Metadata} as one of its events and warns on each row whose {@code Evento_Tipo} it does
 * not know. Its columns:
 *
 * <ol>
 * <li>{@code Timestamp}: when the row was written, ISO-8601 UTC ({@code 2026-12-04T20:45:53Z});
 * <li>{@code Event}: {@code SCHEMA_MIGRATION} or {@code METRICS_REFRESH};
 * <li>{@code Action}: {@code ADD_COLUMNS}, {@code FILL_DEFAULTS} or {@code REFRESH_METRICS};
 * <li>{@code Identity}: the service account the run wrote as, when known; else empty;
 * <li>{@code Details_JSON}: what the step did, as JSON (columns added, cells written, …).
 * </ol>
 *
 * <p>When the spreadsheet has no such sheet, the step creates it with its header row in one atomic
 * batch, under an id fixed by the title ({@link #sheetIdOf}), so that two runs creating it at once make
 * one sheet: the second is refused, which is no failure. Best effort: whatever becomes of the row, the
 * run's own writes stand, so the outcome is reported and never thrown. The row is appended once and
 * never sent again (an append is not absolute): an answer lost on the way back is {@code UNKNOWN}, not
 * {@code FAILED}. The one append sent again is the one Google refused because the sheet did not exist,
 * which wrote nothing.
 */
final class AuditLog {
    /** The audit sheet's header row. */
    static final List<String> HEADER = List.of("Timestamp", "Event", "Action", "Identity", "Details_JSON");

    private final Optional<String> sheet;
    private final Clock clock;

    AuditLog(Optional<String> sheet, Clock clock) {
        this.sheet = sheet;
        this.clock = clock;
    }

    /** What happened, for one row: the event type, the action and its details. */
    record Entry(String eventType, String action, JsonObject details) {}

    /** @param done what is complete whatever becomes of the row, said when the row's fate is unknown */
    RunResult.Audit record(SheetsGateway gateway, Entry entry, String done) {
        if (sheet.isEmpty()) {
            return RunResult.Audit.skipped("Auditing is off (AUDIT_SHEET is empty).");
        }
        String title = sheet.get();
        List<Object> row = row(entry, gateway.account());
        try {
            return append(gateway, title, row, done, false);
        } catch (SheetsGateway.NoSuchSheet noSheet) {
            // Refused: nothing was written, so the row may be sent once more into the sheet created for it.
        }
        boolean created;
        try {
            created = gateway.addSheet(title, sheetIdOf(title), HEADER);
        } catch (Failure failure) {
            return RunResult.Audit.failed("The spreadsheet has no sheet '" + title + "' for the audit row, and "
                    + "creating it failed: " + failure.getMessage() + " " + done);
        }
        try {
            return append(gateway, title, row, done, created);
        } catch (SheetsGateway.NoSuchSheet stillNone) {
            // Created, then deleted at once by someone; or refused because another sheet holds its id.
            return RunResult.Audit.failed("The audit row was not written: sheet '" + title + "' is still not "
                    + "found after asking to create it (with sheet id " + sheetIdOf(title) + "). " + done);
        }
    }

    /** @throws SheetsGateway.NoSuchSheet when Google refused the append for want of the sheet (nothing written) */
    private static RunResult.Audit append(
            SheetsGateway gateway, String title, List<Object> row, String done, boolean created) {
        try {
            gateway.appendRow(title, row);
            return RunResult.Audit.written(title, created);
        } catch (SheetsGateway.AppendUnconfirmed unconfirmed) {
            return RunResult.Audit.unknown("The audit row was sent to sheet '" + title + "', but "
                    + unconfirmed.reason() + ", so it may or may not have been written. It was not sent again: an "
                    + "append is not idempotent, and a second one could add a duplicate row. " + done);
        } catch (Failure failure) {
            return RunResult.Audit.failed(
                    "The audit row was not written to sheet '" + title + "': " + failure.getMessage() + " " + done);
        }
    }

    /**
     * The id the audit sheet is created with, fixed by its title (case aside, as Google compares titles):
     * every run that creates it asks for the same id, so only the first succeeds.
     */
    static int sheetIdOf(String title) {
        CRC32 crc = new CRC32();
        crc.update(("extendSchema.audit|" + title.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        int id = (int) (crc.getValue() & 0x7fffffff);
        // Sheet 0 is the id of a new spreadsheet's first sheet.
        return id == 0 ? 1 : id;
    }

    /** Timestamp, Event, Action, Identity, Details_JSON: see the class comment. */
    private List<Object> row(Entry entry, Optional<String> identity) {
        return List.of(
                clock.instant().toString(),
                entry.eventType(),
                entry.action(),
                identity.orElse(""),
                entry.details().toString());
    }
}
