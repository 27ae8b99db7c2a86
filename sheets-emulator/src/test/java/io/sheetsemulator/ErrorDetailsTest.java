package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.sheetsemulator.control.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error bodies a real project meets first, details included, as the real client parses them. */
class ErrorDetailsTest extends EmulatorFixture {

    private static GoogleJsonResponseException getFails() {
        seedSmall();
        return assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets().get("s1").execute());
    }

    private static GoogleJsonError.Details errorInfo(GoogleJsonResponseException e) {
        GoogleJsonError.Details info = e.getDetails().getDetails().get(0);
        assertEquals("type.googleapis.com/google.rpc.ErrorInfo", info.getType());
        return info;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(GoogleJsonError.Details info) {
        return (Map<String, Object>) info.get("metadata");
    }

    @Test
    void serviceDisabledNamesTheApiAndTheProjectWithAnErrorInfo() {
        emu.addFault(FaultRule.on("spreadsheets.get").status(403).reason("SERVICE_DISABLED"));
        GoogleJsonResponseException e = getFails();
        assertEquals(403, e.getStatusCode());
        assertEquals("PERMISSION_DENIED", e.getDetails().get("status"));
        assertTrue(
                e.getDetails()
                        .getMessage()
                        .startsWith("Google Sheets API has not been used in project 000000000000 "
                                + "before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
                                + "sheets.googleapis.com/overview?project=000000000000 then retry."),
                e.getDetails().getMessage());
        GoogleJsonError.Details info = errorInfo(e);
        assertEquals("SERVICE_DISABLED", info.getReason());
        assertEquals("googleapis.com", info.get("domain"));
        assertEquals("sheets.googleapis.com", metadata(info).get("service"));
        assertEquals("projects/000000000000", metadata(info).get("consumer"));
        assertEquals(3, e.getDetails().getDetails().size());
    }

    @Test
    void userCredentialsWithoutAQuotaProjectNameTheGcloudClientProject() {
        emu.addFault(FaultRule.on("spreadsheets.get").status(403).reason("QUOTA_PROJECT_MISSING"));
        GoogleJsonResponseException e = getFails();
        assertEquals(403, e.getStatusCode());
        assertTrue(
                e.getDetails()
                        .getMessage()
                        .startsWith(
                                "Your application is authenticating by using local Application "
                                        + "Default Credentials. The sheets.googleapis.com API requires a quota project, which is not set by default."));
        GoogleJsonError.Details info = errorInfo(e);
        assertEquals("SERVICE_DISABLED", info.getReason());
        assertEquals("projects/764086051850", metadata(info).get("consumer"));
    }

    @Test
    void aSheetNotSharedIsThePlainPermissionDeniedWithoutDetails() {
        emu.addFault(FaultRule.on("spreadsheets.get").status(403));
        GoogleJsonResponseException e = getFails();
        assertEquals("The caller does not have permission", e.getDetails().getMessage());
        assertEquals("PERMISSION_DENIED", e.getDetails().get("status"));
        assertNull(e.getDetails().getDetails());
    }

    @Test
    void rateLimitNamesTheQuotaMetricAndLimitOfTheRequestKind() throws Exception {
        emu.addFault(FaultRule.on("spreadsheets.get").status(429).reason("RATE_LIMIT_EXCEEDED"));
        GoogleJsonResponseException read = getFails();
        assertEquals(429, read.getStatusCode());
        assertEquals("RESOURCE_EXHAUSTED", read.getDetails().get("status"));
        GoogleJsonError.Details info = errorInfo(read);
        assertEquals("RATE_LIMIT_EXCEEDED", info.getReason());
        assertEquals("sheets.googleapis.com/read_requests", metadata(info).get("quota_metric"));
        assertEquals("ReadRequestsPerMinutePerUser", metadata(info).get("quota_limit"));
        emu.addFault(FaultRule.on("values.update").status(429));
        GoogleJsonResponseException write = assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets()
                        .values()
                        .update("s1", "Sheet1!A1", new ValueRange().setValues(List.of(List.of("x"))))
                        .setValueInputOption("RAW")
                        .execute());
        assertTrue(write.getDetails().getMessage().contains("'Write requests per minute per user'"));
        assertEquals(
                "sheets.googleapis.com/write_requests",
                metadata(errorInfo(write)).get("quota_metric"));
    }

    @Test
    void anotherReasonKeepsTheStatusBodyAndNamesTheReason() {
        emu.addFault(FaultRule.on("spreadsheets.get").status(403).reason("ACCESS_TOKEN_SCOPE_INSUFFICIENT"));
        GoogleJsonResponseException scope = getFails();
        assertEquals(
                "Request had insufficient authentication scopes.",
                scope.getDetails().getMessage());
        assertEquals("ACCESS_TOKEN_SCOPE_INSUFFICIENT", errorInfo(scope).getReason());
        emu.addFault(FaultRule.on("spreadsheets.get").status(503).reason("backendError"));
        GoogleJsonResponseException unavailable = assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets().get("s1").execute());
        assertEquals("UNAVAILABLE", unavailable.getDetails().get("status"));
        assertEquals("backendError", errorInfo(unavailable).getReason());
    }

    @Test
    void theAdminApiTakesTheReasonToo() throws Exception {
        HttpResponse<String> added = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emu.rootUrl() + "admin/faults"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"endpoint\":\"spreadsheets.get\",\"action\":\"status\",\"code\":403,"
                                                + "\"reason\":\"SERVICE_DISABLED\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode());
        assertEquals("SERVICE_DISABLED", errorInfo(getFails()).getReason());
    }
}
