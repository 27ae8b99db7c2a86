package com.spooltracker.extendschema.sheets;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.gson.stream.MalformedJsonException;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.logging.Redaction;
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
        return translate(e, call, spreadsheetId, identity, SAFE_TO_RERUN);
    }

    /**
     * As {@link #translate(IOException, String, String, Optional)}, saying {@code rerun} (what running
     * again does, possibly nothing) where the failure is one a rerun can get past.
     */
    static Failure translate(
            IOException e, String call, String spreadsheetId, Optional<String> identity, String rerun) {
        String again = rerun.isEmpty() || (e instanceof Unreachable named && !named.rerunHelps()) ? "" : " " + rerun;
        if (isUnreadable(e)) {
            return new Failure.BadGateway(
                    "Google Sheets answered " + call + " with something unreadable (not JSON); the fault is on "
                            + "Google's side, not in the request." + again,
                    e);
        }
        if (!(e instanceof HttpResponseException response)) {
            String unreachable = e instanceof Unreachable named
                    ? named.sentence(call)
                    : "Could not reach Google Sheets for " + call + " ("
                            + e.getClass().getSimpleName() + ").";
            return new Failure.Unavailable(unreachable + again, RETRY_AFTER_SECONDS, e);
        }
        int code = response.getStatusCode();
        String googleMessage = googleMessage(e);
        if (code == 404) {
            return identity.isEmpty()
                    ? emulatorNotFound(spreadsheetId)
                    : new Failure.NotFound("Spreadsheet '" + spreadsheetId + "' was not found. Check SPREADSHEET_ID"
                            + identity.map(who -> ", and that the spreadsheet is shared with " + who)
                                    .orElse("") + ".");
        }
        if (code == 403) {
            return permissionDenied(e, googleMessage, spreadsheetId, identity);
        }
        if (code == 400 && googleMessage.contains("above the limit of")) {
            return new Failure.Conflicted(
                    "Google refused to grow the spreadsheet: it would exceed its cell limit. "
                            + "Nothing was written. Delete unused rows, columns or sheets, then run again.",
                    List.of(new Conflict(Conflict.Kind.CELL_LIMIT, summary(code, e, googleMessage), List.of())));
        }
        if (code == 429) {
            return new Failure.Unavailable(
                    "Google Sheets kept refusing " + call + " with 429 RESOURCE_EXHAUSTED ("
                            + quotaName(e, googleMessage)
                            + ") until the retry deadline. Quotas refill every minute; run "
                            + "again in a minute, or ask for a higher quota in the Google Cloud console."
                            + again,
                    RETRY_AFTER_SECONDS,
                    e);
        }
        if (code >= 500) {
            return new Failure.Unavailable(
                    "Google Sheets kept answering " + summary(code, e, googleMessage) + " to " + call
                            + " until the retry deadline." + again,
                    RETRY_AFTER_SECONDS,
                    e);
        }
        if (code == 401) {
            return new Failure.BadGateway(
                    "Google rejected the function's credentials (401) for " + call
                            + ". Check the runtime service account or the local Application Default Credentials.",
                    e);
        }
        return new Failure.BadGateway(
                "Google Sheets rejected " + call + ": " + summary(code, e, googleMessage) + ".", e);
    }

    /**
     * Only an emulator is called without an identity. There the spreadsheet is often the default, never
     * set by anyone, so the message names both ways to choose it rather than only the variable.
     */
    private static Failure emulatorNotFound(String spreadsheetId) {
        return new Failure.NotFound("Spreadsheet '" + spreadsheetId + "' was not found on the Sheets emulator. "
                + "Choose one it serves with --spreadsheet ID (command line) or SPREADSHEET_ID; with an emulator "
                + "the default is 'demo', which the local run (mvn -Plocal function:run) serves; a standalone "
                + "emulator serves the spreadsheet of its --seed file.");
    }

    /** The gcloud CLI's own OAuth project: user credentials without a quota project are billed to it. */
    private static final String GCLOUD_CLIENT_PROJECT = "projects/764086051850";

    /**
     * A 403 says one of four things, told apart by Google's ErrorInfo (its message only as a fallback):
     * the Sheets API is disabled in the project, user credentials lack a quota project or scopes, or the
     * identity may not open the spreadsheet (a bare "The caller does not have permission").
     */
    private static Failure permissionDenied(
            IOException e, String googleMessage, String spreadsheetId, Optional<String> identity) {
        Optional<ErrorInfo> info = ErrorInfo.of(e);
        String reason = info.map(ErrorInfo::reason).orElse("");
        String consumer = info.map(i -> i.get("consumer")).orElse("");
        if (googleMessage.contains("requires a quota project") || consumer.equals(GCLOUD_CLIENT_PROJECT)) {
            return new Failure.PermissionDenied(
                    "QUOTA_PROJECT_MISSING",
                    "Google wants a quota project for these "
                            + "user credentials (local Application Default Credentials). Run: gcloud auth application-default "
                            + "set-quota-project PROJECT_ID (a project with the Google Sheets API enabled), then run again.");
        }
        if (reason.equals("SERVICE_DISABLED")) {
            String service =
                    info.map(i -> i.get("service")).filter(s -> !s.isEmpty()).orElse("sheets.googleapis.com");
            String project = consumer.startsWith("projects/") ? consumer.substring("projects/".length()) : "";
            String flag = project.isEmpty() ? "" : " --project=" + project;
            return new Failure.PermissionDenied(
                    "API_DISABLED",
                    "The Google Sheets API (" + service + ") is not "
                            + "enabled in project " + (project.isEmpty() ? "of the function's credentials" : project)
                            + ". Enable it: gcloud services enable " + service + flag
                            + " (deploy.sh does this), wait a few "
                            + "minutes for it to take effect, then run again.");
        }
        if (reason.equals("ACCESS_TOKEN_SCOPE_INSUFFICIENT")
                || googleMessage.contains("insufficient authentication scopes")) {
            return new Failure.PermissionDenied(
                    "SCOPES_MISSING",
                    "The credentials lack the spreadsheets scope. "
                            + "Locally, log in again: gcloud auth application-default login --scopes="
                            + "https://www.googleapis.com/auth/spreadsheets,https://www.googleapis.com/auth/cloud-platform");
        }
        if (info.isEmpty()
                && (googleMessage.isEmpty() || googleMessage.startsWith("The caller does not have permission"))) {
            String who = identity.orElse("the caller");
            return new Failure.PermissionDenied(
                    "NOT_SHARED",
                    "The function's identity (" + who + ") may not open "
                            + "spreadsheet '" + spreadsheetId + "'. Share the spreadsheet with " + who
                            + " as Editor, then "
                            + "run again.");
        }
        return new Failure.PermissionDenied(
                "OTHER",
                "Google Sheets refused access (403" + (reason.isEmpty() ? "" : " " + reason) + "): \"" + googleMessage
                        + "\"");
    }

    /** Which quota a 429 hit: the ErrorInfo's quota_limit and quota_metric, else Google's message. */
    private static String quotaName(IOException e, String googleMessage) {
        Optional<ErrorInfo> info = ErrorInfo.of(e);
        String limit = info.map(i -> i.get("quota_limit")).orElse("");
        String metric = info.map(i -> i.get("quota_metric")).orElse("");
        if (!limit.isEmpty()) {
            return "quota " + limit + (metric.isEmpty() ? "" : " of " + metric);
        }
        return googleMessage.isEmpty() ? "a rate quota" : "\"" + googleMessage + "\"";
    }

    /**
     * Whether {@code e} says the answer's body is not JSON. Gson's {@link MalformedJsonException} is an
     * {@link IOException}, but Google did answer: it is no network failure, and no retry would help.
     */
    static boolean isUnreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedJsonException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What Google answered to a request that was sent once and not retried (an append that may have
     * been applied), e.g. {@code 500 INTERNAL "..."}.
     */
    static String answeredOnce(IOException e) {
        return e instanceof HttpResponseException response
                ? "Google Sheets answered " + summary(response.getStatusCode(), e, googleMessage(e)) + " once"
                : "Google Sheets' answer was lost";
    }

    static final String SAFE_TO_RERUN = "Every write is absolute, so running again is safe and finishes the job.";

    /**
     * Google's {@code error.message}, bounded and redacted; empty when the body is not Google's JSON
     * error. The one way upstream text enters this program's messages, so it is the one place that
     * removes credentials from it: what Google echoes may reach a response, the CLI and the log.
     */
    static String googleMessage(IOException e) {
        if (e instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (details != null && details.getMessage() != null) {
                return upstreamText(details.getMessage());
            }
        }
        return "";
    }

    /** Text that came from Google, fit to show: credentials removed, control characters replaced, bounded. */
    static String upstreamText(String text) {
        String clean = Redaction.redact(text).replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MESSAGE_CHARS ? clean.substring(0, MESSAGE_CHARS) + "…" : clean;
    }

    /**
     * Google answered with valid JSON in a shape it does not document. That is not the caller's doing,
     * and the run stopped where it was: say so, and that running again is safe.
     */
    static Failure unexpectedAnswer(String call, String what, Throwable cause) {
        return new Failure.BadGateway(
                "Google Sheets answered " + call + " with something unexpected (" + upstreamText(what)
                        + "); the fault is on Google's side, not in the request. " + SAFE_TO_RERUN,
                cause);
    }

    private static String summary(int code, IOException e, String googleMessage) {
        String status = "";
        if (e instanceof GoogleJsonResponseException json
                && json.getDetails() != null
                && json.getDetails().get("status") instanceof String word) {
            status = " " + word;
        }
        return code + status + (googleMessage.isEmpty() ? "" : " \"" + googleMessage + "\"");
    }
}
