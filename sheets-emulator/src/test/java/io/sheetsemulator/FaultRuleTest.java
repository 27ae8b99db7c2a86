package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FaultRuleTest extends EmulatorFixture {

    private static void write(String cell, Object value) throws IOException {
        sheets.spreadsheets()
                .values()
                .batchUpdate(
                        "s1",
                        new BatchUpdateValuesRequest()
                                .setValueInputOption("RAW")
                                .setData(List.of(new ValueRange().setRange(cell).setValues(List.of(List.of(value))))))
                .execute();
    }

    private static Object read(String cell) throws IOException {
        List<List<Object>> values =
                sheets.spreadsheets().values().get("s1", cell).execute().getValues();
        return values == null ? null : values.get(0).get(0);
    }

    private static int rowCount() {
        return emu.dump("s1")
                .getAsJsonArray("sheets")
                .get(0)
                .getAsJsonObject()
                .get("rowCount")
                .getAsInt();
    }

    private static void appendTenRows() throws IOException {
        sheets.spreadsheets()
                .batchUpdate(
                        "s1",
                        new BatchUpdateSpreadsheetRequest()
                                .setRequests(List.of(new Request()
                                        .setAppendDimension(new AppendDimensionRequest()
                                                .setSheetId(0)
                                                .setDimension("ROWS")
                                                .setLength(10)))))
                .execute();
    }

    @Test
    void statusFaultAnswersGooglesErrorWithRetryAfterAndDoesNotApply() throws Exception {
        seedSmall();
        JsonObject before = emu.dump("s1");
        emu.addFault(
                FaultRule.on("values.batchUpdate").nth(1).times(1).status(503).retryAfter(2));
        GoogleJsonResponseException e = assertApiError(
                503, "UNAVAILABLE", "The service is currently unavailable.", () -> write("Sheet1!A1", "x"));
        assertEquals("2", e.getHeaders().getFirstHeaderStringValue("Retry-After"));
        assertEquals(before, emu.dump("s1"));
        write("Sheet1!A1", "x");
        assertEquals("x", read("Sheet1!A1"));
        assertEquals(
                List.of("fault:503", "ok", "ok"),
                emu.requestLog().stream().map(RequestRecord::outcome).toList());
        assertEquals(2, emu.counters().calls("values.batchUpdate"));
    }

    @Test
    void nthFaultsOnlyThatMatchingRequest() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").nth(2).status(500));
        read("Sheet1!A1");
        assertApiError(500, "INTERNAL", "Internal error encountered.", () -> read("Sheet1!A1"));
        assertEquals("name", read("Sheet1!A1"));
    }

    @Test
    void timesZeroFaultsEveryMatchAndClearFaultsStopsIt() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").times(0).status(403));
        for (int i = 0; i < 3; i++) {
            assertApiError(403, "PERMISSION_DENIED", "The caller does not have permission", () -> read("Sheet1!A1"));
        }
        emu.clearFaults();
        assertEquals("name", read("Sheet1!A1"));
    }

    @Test
    void timesLimitsHowOftenARuleFires() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").times(2).status(404));
        assertApiError(404, "NOT_FOUND", "Requested entity was not found.", () -> read("Sheet1!A1"));
        assertApiError(404, "NOT_FOUND", "Requested entity was not found.", () -> read("Sheet1!A1"));
        assertEquals("name", read("Sheet1!A1"));
    }

    @Test
    void rateLimitFaultCarriesTheQuotaErrorInfo() {
        seedSmall();
        emu.addFault(FaultRule.on("values.batchUpdate").status(429));
        GoogleJsonResponseException e = assertThrows(GoogleJsonResponseException.class, () -> write("Sheet1!A1", "x"));
        assertEquals(429, e.getStatusCode());
        assertEquals("RESOURCE_EXHAUSTED", e.getDetails().get("status"));
        assertTrue(e.getDetails().getMessage().startsWith("Quota exceeded for quota metric 'Write requests'"));
        @SuppressWarnings("unchecked")
        Map<String, Object> info =
                (Map<String, Object>) e.getDetails().getDetails().get(0);
        assertEquals("type.googleapis.com/google.rpc.ErrorInfo", info.get("@type"));
        assertEquals("RATE_LIMIT_EXCEEDED", info.get("reason"));
    }

    @Test
    void badGatewayIsPlainTextWithoutJsonDetails() {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").status(502));
        GoogleJsonResponseException e = assertThrows(GoogleJsonResponseException.class, () -> read("Sheet1!A1"));
        assertEquals(502, e.getStatusCode());
        assertNull(e.getDetails());
    }

    @Test
    void unauthenticatedFaultAnswers401() {
        seedSmall();
        emu.addFault(FaultRule.on("spreadsheets.get").status(401));
        GoogleJsonResponseException e = assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets().get("s1").execute());
        assertEquals(401, e.getStatusCode());
        assertEquals("UNAUTHENTICATED", e.getDetails().get("status"));
    }

    @Test
    @Timeout(30)
    void delayExceedsTheClientReadTimeoutThenTheRequestIsStillApplied() throws Exception {
        seedSmall();
        Sheets impatient = new Sheets.Builder(
                        new NetHttpTransport(), GsonFactory.getDefaultInstance(), req -> req.setReadTimeout(200))
                .setRootUrl(emu.rootUrl())
                .setApplicationName("emulator-test")
                .build();
        emu.addFault(FaultRule.on("values.batchUpdate").delay(Duration.ofHours(1)));
        // The answer cannot come before the clock is advanced, so the client's timeout always fires first.
        assertThrows(
                SocketTimeoutException.class,
                () -> impatient
                        .spreadsheets()
                        .values()
                        .batchUpdate(
                                "s1",
                                new BatchUpdateValuesRequest()
                                        .setValueInputOption("RAW")
                                        .setData(List.of(new ValueRange()
                                                .setRange("Sheet1!A1")
                                                .setValues(List.of(List.of("late"))))))
                        .execute());
        clock.awaitSleeping(1);
        assertTrue(emu.requestLog().isEmpty());
        clock.advance(Duration.ofHours(1));
        // Logged once applied; no wall-clock wait, the delayed request finishes as soon as it is released.
        while (emu.requestLog().isEmpty()) {
            Thread.onSpinWait();
        }
        assertEquals("fault:delay", emu.requestLog().get(0).outcome());
        assertEquals("late", read("Sheet1!A1"));
    }

    @Test
    void dropBeforeAnswerClosesTheConnectionWithoutApplying() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("spreadsheets.batchUpdate").dropBeforeAnswer());
        assertThrows(IOException.class, FaultRuleTest::appendTenRows);
        assertEquals(1000, rowCount());
        assertEquals("fault:drop", emu.requestLog().get(0).outcome());
        assertEquals(0, emu.requestLog().get(0).status());
    }

    @Test
    void applyThenDropAppliesButNeverAnswers() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("spreadsheets.batchUpdate").applyThenDrop());
        IOException e = assertThrows(IOException.class, FaultRuleTest::appendTenRows);
        assertTrue(!(e instanceof GoogleJsonResponseException));
        assertEquals(1010, rowCount());
        appendTenRows();
        assertEquals(1020, rowCount());
    }

    @Test
    void ruleCanMatchAMethodAndPathRegex() throws Exception {
        seedSmall();
        emu.addFault(
                FaultRule.onRequest("GET", "/v4/spreadsheets/s1/values/.*B2").status(503));
        assertEquals("name", read("Sheet1!A1"));
        assertApiError(503, "UNAVAILABLE", "The service is currently unavailable.", () -> read("Sheet1!B2"));
        assertEquals("12", read("Sheet1!B2"));
    }

    @Test
    void theJavaFaceRefusesARuleThatCouldNeverFireOrWouldBreakEveryRequest() {
        IllegalArgumentException misspelt = assertThrows(
                IllegalArgumentException.class,
                () -> FaultRule.on("values.batchupdate").status(503));
        assertTrue(misspelt.getMessage().contains("valid endpoints: developerMetadata.get"), misspelt.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> FaultRule.onRequest("GET", "[").status(500));
        assertThrows(
                IllegalArgumentException.class, () -> FaultRule.on("values.get").status(42));
    }
}
