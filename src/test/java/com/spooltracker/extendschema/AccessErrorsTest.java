package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.FaultRule;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The errors a new project meets first, each answered with what to do. Google's bodies are the ones
 * it sends (see the README's Troubleshooting), served by the emulator through the real client.
 */
class AccessErrorsTest {
    private static final String SERVICE_DISABLED = "{\"error\":{\"code\":403,\"message\":\"Google Sheets API has "
            + "not been used in project 123456789012 before or it is disabled. Enable it by visiting "
            + "https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012 "
            + "then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our "
            + "systems and retry.\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"SERVICE_DISABLED\",\"domain\":"
            + "\"googleapis.com\",\"metadata\":{\"service\":\"sheets.googleapis.com\",\"consumer\":"
            + "\"projects/123456789012\"}}]}}";
    private static final String NOT_SHARED = "{\"error\":{\"code\":403,\"message\":\"The caller does not have "
            + "permission\",\"status\":\"PERMISSION_DENIED\"}}";
    private static final String NO_QUOTA_PROJECT = "{\"error\":{\"code\":403,\"message\":\"Your application is "
            + "authenticating by using local Application Default Credentials. The sheets.googleapis.com API requires "
            + "a quota project, which is not set by default. To learn how to set your quota project, see "
            + "https://cloud.google.com/docs/authentication/adc-troubleshooting/user-creds .\",\"status\":"
            + "\"PERMISSION_DENIED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
            + "\"SERVICE_DISABLED\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":\"sheets.googleapis.com\","
            + "\"consumer\":\"projects/764086051850\"}}]}}";
    private static final String SCOPES = "{\"error\":{\"code\":403,\"message\":\"Request had insufficient "
            + "authentication scopes.\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"ACCESS_TOKEN_SCOPE_INSUFFICIENT\",\"domain\":"
            + "\"googleapis.com\",\"metadata\":{\"service\":\"sheets.googleapis.com\",\"method\":"
            + "\"google.apps.sheets.v4.SpreadsheetsService.GetSpreadsheet\"}}]}}";
    private static final String OTHER = "{\"error\":{\"code\":403,\"message\":\"The request is blocked by an "
            + "organization policy.\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"ORG_POLICY_BLOCKED\",\"domain\":"
            + "\"googleapis.com\"}]}}";
    private static final String RATE_LIMITED = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota "
            + "metric 'Read requests' and limit 'Read requests per minute per user' of service "
            + "'sheets.googleapis.com' for consumer 'project_number:123456789012'.\",\"status\":\"RESOURCE_EXHAUSTED\","
            + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"RATE_LIMIT_EXCEEDED\","
            + "\"domain\":\"googleapis.com\",\"metadata\":{\"quota_limit\":\"ReadRequestsPerMinutePerUser\","
            + "\"quota_metric\":\"sheets.googleapis.com/read_requests\",\"service\":\"sheets.googleapis.com\","
            + "\"consumer\":\"projects/123456789012\"}}]}}";

    private static SheetsEmulator emulator;
    private static FunctionServer function;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start();
        function = FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(), "SPREADSHEET_ID", "demo",
                "SHEETS_DEADLINE_SECONDS", "2", "SHEETS_BACKOFF_INITIAL_MS", "50"));
    }

    @AfterAll
    static void stop() {
        function.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
        emulator.seedDemo();
        ColumnMapCache.shared().invalidateAll();
    }

    private static JsonObject refusedWith(int status, String googleBody) {
        return refusedWith(status, status, googleBody);
    }

    /** Google answers {@code googleStatus} with {@code googleBody} to every read; the function must answer {@code status}. */
    private static JsonObject refusedWith(int googleStatus, int status, String googleBody) {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).respond(googleStatus, googleBody));
        JsonObject before = emulator.dump("demo");

        Response response = function.post("dryRun=true");

        assertEquals(status, response.status(), response::toString);
        assertEquals(before, emulator.dump("demo"));
        return response.json().getAsJsonObject("error");
    }

    @Test
    void aDisabledSheetsApiNamesTheApiTheProjectAndTheEnableCommand() {
        JsonObject error = refusedWith(403, SERVICE_DISABLED);

        assertEquals("PERMISSION_DENIED", error.get("status").getAsString());
        assertEquals("API_DISABLED", error.get("kind").getAsString());
        String message = error.get("message").getAsString();
        assertTrue(message.contains("gcloud services enable sheets.googleapis.com --project=123456789012"), message);
        assertFalse(message.contains("Share the spreadsheet"), "the sheet is shared already: " + message);
    }

    @Test
    void aSheetNotSharedNamesTheIdentityToShareItWith() {
        JsonObject error = refusedWith(403, NOT_SHARED);

        assertEquals("NOT_SHARED", error.get("kind").getAsString());
        assertTrue(error.get("message").getAsString().contains("Share the spreadsheet with"), error::toString);
    }

    @Test
    void userCredentialsWithoutAQuotaProjectGiveTheSetQuotaProjectCommand() {
        JsonObject error = refusedWith(403, NO_QUOTA_PROJECT);

        assertEquals("QUOTA_PROJECT_MISSING", error.get("kind").getAsString());
        assertTrue(error.get("message").getAsString().contains("gcloud auth application-default set-quota-project"),
                error::toString);
    }

    @Test
    void credentialsWithoutTheSpreadsheetsScopeGiveTheLoginCommand() {
        JsonObject error = refusedWith(403, SCOPES);

        assertEquals("SCOPES_MISSING", error.get("kind").getAsString());
        assertTrue(error.get("message").getAsString().contains("--scopes=https://www.googleapis.com/auth/spreadsheets"),
                error::toString);
    }

    @Test
    void anyOther403ShowsGooglesOwnMessage() {
        JsonObject error = refusedWith(403, OTHER);

        assertEquals("OTHER", error.get("kind").getAsString());
        assertTrue(error.get("message").getAsString().contains("ORG_POLICY_BLOCKED")
                && error.get("message").getAsString().contains("organization policy"), error::toString);
    }

    @Test
    void aRateLimitNamesTheQuotaItHit() {
        JsonObject error = refusedWith(429, 503, RATE_LIMITED);

        assertEquals("UNAVAILABLE", error.get("status").getAsString());
        assertTrue(error.get("message").getAsString().contains("ReadRequestsPerMinutePerUser"), error::toString);
    }

    @Test
    void theCommandLineGivesTheSameHint() {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).respond(403, SERVICE_DISABLED));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Cli.run(new String[] {"--emulator", emulator.hostPort(), "--dry-run"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Cli.FAILED, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("gcloud services enable sheets.googleapis.com"), err::toString);
    }
}
