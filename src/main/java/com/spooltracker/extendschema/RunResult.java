package com.spooltracker.extendschema;

import com.spooltracker.extendschema.schema.Plan;
import java.util.List;
import java.util.Optional;

/** What a run did: applied a plan, found nothing to do, or only planned. */
public sealed interface RunResult {
    Plan plan();

    Calls calls();

    long durationMillis();

    /** Sheets HTTP requests the run sent, retries included. */
    record Calls(int reads, int writes, int retries) {}

    record Applied(Plan plan, Calls calls, long durationMillis, Optional<String> auditWarning) implements RunResult {}

    record UpToDate(Plan plan, Calls calls, long durationMillis, boolean dryRun) implements RunResult {}

    /** @param requests the exact request bodies an apply would send, in order, as the client serializes them */
    record DryRun(Plan plan, Calls calls, long durationMillis, List<SheetsRequest> requests) implements RunResult {}

    /** One Sheets API request: its method name ("spreadsheets.batchUpdate", "values.batchUpdate") and JSON body. */
    record SheetsRequest(String method, String body) {}
}
