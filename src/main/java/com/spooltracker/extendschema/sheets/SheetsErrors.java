package com.spooltracker.extendschema.sheets;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.spooltracker.extendschema.Failure;
import com.spooltracker.extendschema.schema.Conflict;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the Sheets client throws into the project's {@link Failure}s. Google's error bodies are
 * summarized (code, status, a bounded message), never passed on whole.
 */
final class SheetsErrors {
    static final int RETRY_AFTER_SECONDS = 60;
    private static final int MESSAGE_CHARS = 200;

    private SheetsErrors() {}

    static Failure translate(IOException e, String call, String spreadsheetId, Optional<String> identity) {
        if (!(e instanceof HttpResponseException response)) {
            String unreachable = e instanceof Unreachable named ? named.sentence(call)
                    : "Could not reach Google Sheets for " + call + " (" + e.getClass().getSimpleName() + ").";
            return new Failure.Unavailable(unreachable + " " + SAFE_TO_RERUN, RETRY_AFTER_SECONDS, e);
        }
        int code = response.getStatusCode();
        String googleMessage = googleMessage(e);
        if (code == 404) {
            return new Failure.NotFound("Spreadsheet '" + spreadsheetId + "' was not found. Check SPREADSHEET_ID"
                    + identity.map(who -> ", and that the spreadsheet is shared with " + who).orElse("") + ".");
        }
        if (code == 403) {
            String who = identity.orElse("the caller");
            return new Failure.PermissionDenied("The function's identity (" + who + ") may not open spreadsheet '"
                    + spreadsheetId + "'. Share the spreadsheet with " + who + " as Editor, then run again.");
        }
        if (code == 400 && googleMessage.contains("above the limit of")) {
            return new Failure.Conflicted("Google refused to grow the spreadsheet: it would exceed its cell limit. "
                    + "Nothing was written. Delete unused rows, columns or sheets, then run again.",
                    List.of(new Conflict(Conflict.Kind.CELL_LIMIT, summary(code, e, googleMessage), List.of())));
        }
        if (code == 429 || code >= 500) {
            return new Failure.Unavailable("Google Sheets kept answering " + summary(code, e, googleMessage)
                    + " to " + call + " until the retry deadline. " + SAFE_TO_RERUN, RETRY_AFTER_SECONDS, e);
        }
        if (code == 401) {
            return new Failure.BadGateway("Google rejected the function's credentials (401) for " + call
                    + ". Check the runtime service account or the local Application Default Credentials.", e);
        }
        return new Failure.BadGateway("Google Sheets rejected " + call + ": " + summary(code, e, googleMessage) + ".", e);
    }

    static final String SAFE_TO_RERUN =
            "Every write is absolute, so running again is safe and finishes the job.";

    /** Google's {@code error.message}, bounded; empty when the body is not Google's JSON error. */
    static String googleMessage(IOException e) {
        if (e instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (details != null && details.getMessage() != null) {
                String message = details.getMessage();
                return message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS) + "…" : message;
            }
        }
        return "";
    }

    private static String summary(int code, IOException e, String googleMessage) {
        String status = "";
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null
                && json.getDetails().get("status") instanceof String word) {
            status = " " + word;
        }
        return code + status + (googleMessage.isEmpty() ? "" : " \"" + googleMessage + "\"");
    }
}
