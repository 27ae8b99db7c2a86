package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The errors a new project meets first, each answered with what to do. Google's bodies, details
 * included, come from the emulator's fault rules ({@code status(403).reason("SERVICE_DISABLED")}),
 * through the real client.
 */
class AccessErrorsTest {
    private static final String OTHER = "{\"error\":{\"code\":403,\"message\":\"The request is blocked by an "
            + "organization policy.\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"ORG_POLICY_BLOCKED\",\"domain\":"
            + "\"googleapis.com\"}]}}";

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo()
            .fakeTime(new FakeClock())
            .with("SHEETS_DEADLINE_MS", "2000")
            .with("SHEETS_BACKOFF_INITIAL_MS", "50");

    private static JsonObject refusedWith(int status, String googleBody) {
        return refusedWith(status, status, googleBody);
    }

    /** Google answers every read with {@code status} and the error body it sends for {@code reason}. */
    private static JsonObject refusedFor(int status, String reason) {
        fixture.emulator()
                .addFault(
                        FaultRule.on("spreadsheets.get").times(0).status(status).reason(reason));
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("dryRun=true");

        assertEquals(status == 429 ? 503 : status, response.status(), response::toString);
        assertEquals(before, fixture.emulator().dump("demo"));
        return response.json().getAsJsonObject("error");
    }

    /** Google answers {@code googleStatus} with {@code googleBody} to every read; the function must answer {@code status}. */
    private static JsonObject refusedWith(int googleStatus, int status, String googleBody) {
        fixture.emulator().addFault(FaultRule.on("spreadsheets.get").times(0).respond(googleStatus, googleBody));
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("dryRun=true");

        assertEquals(status, response.status(), response::toString);
        assertEquals(before, fixture.emulator().dump("demo"));
        return response.json().getAsJsonObject("error");
    }

    @Test
    void aDisabledSheetsApiNamesTheApiTheProjectAndTheEnableCommand() {
        JsonObject error = refusedFor(403, "SERVICE_DISABLED");

        assertEquals("PERMISSION_DENIED", error.get("status").getAsString());
        assertEquals("API_DISABLED", error.get("kind").getAsString());
        String message = error.get("message").getAsString();
        assertTrue(message.contains("gcloud services enable sheets.googleapis.com --project=000000000000"), message);
        assertFalse(message.contains("Share the spreadsheet"), "the sheet is shared already: " + message);
    }

    @Test
    void aSheetNotSharedNamesTheIdentityToShareItWith() {
        fixture.emulator().addFault(FaultRule.on("spreadsheets.get").times(0).status(403));

        Response response = fixture.function().post("dryRun=true");

        assertEquals(403, response.status(), response::toString);
        JsonObject error = response.json().getAsJsonObject("error");

        assertEquals("NOT_SHARED", error.get("kind").getAsString());
        assertTrue(error.get("message").getAsString().contains("Share the spreadsheet with"), error::toString);
    }

    @Test
    void userCredentialsWithoutAQuotaProjectGiveTheSetQuotaProjectCommand() {
        JsonObject error = refusedFor(403, "QUOTA_PROJECT_MISSING");

        assertEquals("QUOTA_PROJECT_MISSING", error.get("kind").getAsString());
        assertTrue(
                error.get("message").getAsString().contains("gcloud auth application-default set-quota-project"),
                error::toString);
    }

    @Test
    void credentialsWithoutTheSpreadsheetsScopeGiveTheLoginCommand() {
        JsonObject error = refusedFor(403, "ACCESS_TOKEN_SCOPE_INSUFFICIENT");

        assertEquals("SCOPES_MISSING", error.get("kind").getAsString());
        assertTrue(
                error.get("message").getAsString().contains("--scopes=https://www.googleapis.com/auth/spreadsheets"),
                error::toString);
    }

    @Test
    void anyOther403ShowsGooglesOwnMessage() {
        JsonObject error = refusedWith(403, OTHER);

        assertEquals("OTHER", error.get("kind").getAsString());
        assertTrue(
                error.get("message").getAsString().contains("ORG_POLICY_BLOCKED")
                        && error.get("message").getAsString().contains("organization policy"),
                error::toString);
    }

    @Test
    void aRateLimitNamesTheQuotaItHit() {
        JsonObject error = refusedFor(429, "RATE_LIMIT_EXCEEDED");

        assertEquals("UNAVAILABLE", error.get("status").getAsString());
        assertTrue(error.get("message").getAsString().contains("ReadRequestsPerMinutePerUser"), error::toString);
    }

    @Test
    void theCommandLineGivesTheSameHint() {
        fixture.emulator()
                .addFault(FaultRule.on("spreadsheets.get").times(0).status(403).reason("SERVICE_DISABLED"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Cli.run(
                new String[] {"--emulator", fixture.emulator().hostPort(), "--dry-run"},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Cli.FAILED, exit);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("gcloud services enable sheets.googleapis.com"),
                err::toString);
    }
}
