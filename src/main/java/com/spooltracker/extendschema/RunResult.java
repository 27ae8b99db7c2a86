package com.spooltracker.extendschema;

import com.spooltracker.extendschema.migrations.VersionPlan;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import java.util.List;

/** What a run did: applied a plan, found nothing to do, or only planned. */
public sealed interface RunResult {
    Plan plan();

    /** What the run did, or would do, about each migration version. */
    VersionPlan versions();

    Calls calls();

    long durationMillis();

    /** Sheets HTTP requests the run sent, retries included. */
    record Calls(int reads, int writes, int retries) {
        public Calls plus(Calls other) {
            return new Calls(reads + other.reads, writes + other.writes, retries + other.retries);
        }

        public Calls minus(Calls other) {
            return new Calls(reads - other.reads, writes - other.writes, retries - other.retries);
        }
    }

    record Applied(Plan plan, VersionPlan versions, Calls calls, long durationMillis, Audit audit)
            implements RunResult {}

    /** What became of the audit row of an applied run. */
    record Audit(Outcome outcome, String message) {
        public enum Outcome {
            WRITTEN,
            SKIPPED,
            FAILED,
            UNKNOWN
        }

        /** Whether a person should look: the row is missing, or may be. */
        public boolean needsAttention() {
            return outcome == Outcome.FAILED || outcome == Outcome.UNKNOWN;
        }

        /** @param created the run created the sheet (with its header row) for this row */
        static Audit written(String sheet, boolean created) {
            return new Audit(
                    Outcome.WRITTEN,
                    created
                            ? "Sheet '" + sheet
                                    + "' was created for the audit trail, and one audit row was appended to it."
                            : "One audit row was appended to sheet '" + sheet + "'.");
        }

        static Audit skipped(String why) {
            return new Audit(Outcome.SKIPPED, why);
        }

        static Audit failed(String why) {
            return new Audit(Outcome.FAILED, why);
        }

        /** The append was sent and its answer lost: the row may be there or not. */
        static Audit unknown(String why) {
            return new Audit(Outcome.UNKNOWN, why);
        }
    }

    record UpToDate(Plan plan, VersionPlan versions, Calls calls, long durationMillis, boolean dryRun)
            implements RunResult {}

    /** @param requests the requests an apply would send, in order */
    record DryRun(Plan plan, VersionPlan versions, Calls calls, long durationMillis, List<PlannedRequest> requests)
            implements RunResult {}
}
