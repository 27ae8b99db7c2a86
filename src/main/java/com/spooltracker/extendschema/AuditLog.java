package com.spooltracker.extendschema;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit step: one row in {@code AUDIT_SHEET} for each step that wrote, in the tracker's
 * {@code Metadata} layout. Best effort: whatever becomes of the row, the run's own writes stand, so
 * the outcome is reported and never thrown. The row is appended once and never sent again (an
 * append is not absolute): an answer lost on the way back is {@code UNKNOWN}, not {@code FAILED}.
 */
final class AuditLog {
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
        try {
            gateway.appendRow(title, row(entry));
            return RunResult.Audit.written(title);
        } catch (SheetsGateway.NoSuchSheet noSheet) {
            return RunResult.Audit.skipped("The spreadsheet has no sheet '" + title + "' to audit to.");
        } catch (SheetsGateway.AppendUnconfirmed unconfirmed) {
            return RunResult.Audit.unknown("The audit row was sent to sheet '" + title + "', but "
                    + unconfirmed.reason() + ", so it may or may not have been written. It was not sent again: an "
                    + "append is not idempotent, and a second one could add a duplicate row. " + done);
        } catch (Failure failure) {
            return RunResult.Audit.failed(
                    "The audit row was not written to sheet '" + title + "': " + failure.getMessage() + " " + done);
        }
    }

    /** ID, Timestamp, Evento_Tipo, TAG_SPOOL, Worker_ID, Worker_Nombre, Operacion, Accion, Fecha_Operacion, Metadata_JSON. */
    private List<Object> row(Entry entry) {
        Instant now = clock.instant();
        return List.of(
                UUID.randomUUID().toString(),
                now.toString(),
                entry.eventType(),
                "",
                "",
                "extendSchema",
                "EXTEND_SCHEMA",
                entry.action(),
                LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                entry.details().toString());
    }
}
