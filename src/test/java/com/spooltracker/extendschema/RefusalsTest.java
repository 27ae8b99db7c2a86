package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FakeRetryClock;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the function says no: conflicts (409), missing things (404), permissions (403), bad requests (4xx), outages (503). */
class RefusalsTest {
    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("s1");

    private static Seed v3(int rows, int columns) {
        return Seed.spreadsheet("s1")
                .sheet("Operaciones", rows, columns)
                .row(0, EarlierLayout.OPERACIONES_HEADERS)
                .spools(1, 40)
                .sheet("Metadata", 100, 10)
                .row(0, DemoSpreadsheet.METADATA_HEADERS);
    }

    /** Seeds, POSTs, and checks the answer is a 409 of {@code kind} that left the spreadsheet byte-identical. */
    private static JsonObject refusedWith(String kind, JsonObject seed) {
        fixture.emulator().seed(seed);
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().resetCounters();

        Response response = fixture.function().post("");

        assertEquals(409, response.status(), response::toString);
        JsonObject error = response.json().getAsJsonObject("error");
        assertEquals("CONFLICT", error.get("status").getAsString());
        assertTrue(error.getAsJsonArray("conflicts").toString().contains(kind), error::toString);
        assertEquals(before, fixture.emulator().dump("s1"), "the sheet must be byte-identical");
        return error;
    }

    @Test
    void emptyHeaderRowIsRefused() {
        refusedWith(
                "NO_HEADER_ROW",
                Seed.spreadsheet("s1")
                        .sheet("Operaciones", 100, 67)
                        .spools(1, 10)
                        .build());
    }

    @Test
    void aNewColumnsNameAppearingTwiceIsRefusedNamingBothCells() {
        JsonObject error = refusedWith(
                "DUPLICATE_HEADER",
                v3(1000, 69)
                        .on("Operaciones")
                        .cell(0, 67, "Total_Uniones")
                        .cell(0, 68, "total uniones")
                        .build());
        assertTrue(error.toString().contains("BP1") && error.toString().contains("BQ1"), error::toString);
    }

    @Test
    void valuesUnderABlankHeaderWhereAColumnWouldGoAreRefusedNamingTheCells() {
        JsonObject error = refusedWith(
                "NON_EMPTY_CELLS",
                v3(1000, 70).on("Operaciones").cell(5, 68, "nota suelta").build());
        assertTrue(error.toString().contains("BQ6"), error::toString);
    }

    @Test
    void missingKeyColumnIsRefused() {
        refusedWith(
                "KEY_COLUMN_MISSING",
                v3(1000, 67).on("Operaciones").cell(0, 0, "SPOOL").build());
    }

    @Test
    void aSheetThatWouldPassTheCellLimitIsRefusedBeforeAnyWrite() {
        refusedWith("CELL_LIMIT", v3(140_000, 67).build());
        assertEquals(0, fixture.emulator().counters().writes());
    }

    @Test
    void aWorkbookThatWouldPassTheCellLimitIsRefusedWithNothingWritten() {
        // 1000 × 67 + 99,330 × 100 = exactly 10,000,000 cells: any growth is over the limit.
        JsonObject seed = v3(1000, 67)
                .sheet("Archivo", 99_330, 100)
                .row(0, List.of("Histórico"))
                .build();
        refusedWith("CELL_LIMIT", withoutMetadata(seed));
    }

    @Test
    void aDryRunPredictsTheWorkbookCellLimitRefusalThatTheApplyMeets() {
        JsonObject seed = withoutMetadata(v3(1000, 67)
                .sheet("Archivo", 99_330, 100)
                .row(0, List.of("Histórico"))
                .build());
        fixture.emulator().seed(seed);
        JsonObject before = fixture.emulator().dump("s1");

        Response dryRun = fixture.function().post("dryRun=true");
        Response apply = fixture.function().post("");

        assertEquals(409, dryRun.status(), dryRun::toString);
        assertTrue(dryRun.body().contains("CELL_LIMIT") && dryRun.body().contains("10,000,000"), dryRun::toString);
        assertEquals(409, apply.status(), apply::toString);
        assertTrue(apply.body().contains("CELL_LIMIT"), apply::toString);
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @Test
    void aDryRunOfASheetThatFitsReadsTheSheetSizesOnceAndStillWritesNothing() {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().resetCounters();

        Response dryRun = fixture.function().post("dryRun=true");

        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals("DRY_RUN", dryRun.json().get("status").getAsString());
        assertEquals(
                4,
                fixture.emulator().counters().reads(),
                "the snapshot (its key column is not where the tracker has it: by the marks, then by the header),"
                        + " Metadata's header (its migration is pending), the sheet sizes; a dry run writes nothing,"
                        + " so it does not read the snapshot again: "
                        + fixture.emulator().counters());
        assertEquals(0, fixture.emulator().counters().writes());
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @Test
    void aBodyThatRepeatsDryRunIsRefusedWhicheverValueComesLast() {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().resetCounters();
        for (String body : List.of(
                "{\"dryRun\": true, \"dryRun\": false}",
                "{\"dryRun\": false, \"dryRun\": true}",
                "{\"dryRun\": true, \"dryRun\": true}")) {
            Response response = fixture.function().postJson("", body);

            assertEquals(400, response.status(), body + " → " + response);
            assertTrue(response.json().toString().contains("more than once"), response::toString);
        }
        assertEquals(0, fixture.emulator().counters().calls(), "no request may reach Sheets");
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @Test
    void anAuditSheetThatIsTheMigratedSheetIsRefusedOnEveryRequest() {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        try (FunctionServer misconfigured = FunctionServer.start(Map.of(
                "SHEETS_EMULATOR_HOST",
                fixture.emulator().hostPort(),
                "SPREADSHEET_ID",
                "s1",
                "AUDIT_SHEET",
                "Operaciones"))) {
            for (int i = 0; i < 2; i++) {
                Response response = misconfigured.post("");

                assertEquals(503, response.status(), response::toString);
                assertEquals("NOT_CONFIGURED", response.errorStatus());
                assertTrue(response.body().contains("AUDIT_SHEET"), response::toString);
            }
        }
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @ParameterizedTest(name = "AUDIT_SHEET={0}")
    @ValueSource(strings = {"Metadata", "METADATA"})
    void anAuditSheetThatIsTheTrackersEventLogIsRefusedOnEveryRequest(String auditSheet) {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().resetCounters();
        try (FunctionServer misconfigured = FunctionServer.start(Map.of(
                "SHEETS_EMULATOR_HOST",
                fixture.emulator().hostPort(),
                "SPREADSHEET_ID",
                "s1",
                "AUDIT_SHEET",
                auditSheet))) {
            for (String query : List.of("", "refreshMetrics=true", "dryRun=true")) {
                Response response = misconfigured.post(query);

                assertEquals(503, response.status(), response::toString);
                assertEquals("NOT_CONFIGURED", response.errorStatus());
                assertTrue(
                        response.body().contains("AUDIT_SHEET")
                                && response.body().contains("METADATA_SHEET")
                                && response.body().contains("parses every row"),
                        response::toString);
            }
        }
        assertEquals(0, fixture.emulator().counters().calls(), "no request may reach Sheets");
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"SHEET_NAME, Uniones", "SHEET_NAME, uniones", "AUDIT_SHEET, Uniones", "AUDIT_SHEET, UNIONES"})
    void aSheetToMigrateOrAuditSheetThatIsTheUnionesSheetIsRefusedOnEveryRequest(String setting, String value) {
        fixture.emulator()
                .seed(Seed.spreadsheet("s1")
                        .sheet("Operaciones", 10, 67)
                        .row(0, EarlierLayout.OPERACIONES_HEADERS)
                        .cell(1, 0, "SP-1")
                        .sheet("Uniones", 10, 17)
                        .row(0, EarlierLayout.UNIONES_HEADERS)
                        .sheet("Metadata", 10, 10)
                        .row(0, DemoSpreadsheet.METADATA_HEADERS)
                        .build());
        JsonObject before = fixture.emulator().dump("s1");
        try (FunctionServer misconfigured = FunctionServer.start(Map.of(
                "SHEETS_EMULATOR_HOST", fixture.emulator().hostPort(), "SPREADSHEET_ID", "s1", setting, value))) {
            for (String query : List.of("refreshMetrics=true", "")) {
                Response response = misconfigured.post(query);

                assertEquals(503, response.status(), response::toString);
                assertEquals("NOT_CONFIGURED", response.errorStatus());
                assertTrue(response.body().contains("UNIONES_SHEET"), response::toString);
            }
        }
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @Test
    void unknownSpreadsheetIsNotFound() {
        try (FunctionServer other = FunctionServer.start(fixture.emulator().hostPort(), "no-such-spreadsheet")) {
            Response response = other.post("");

            assertEquals(404, response.status(), response::toString);
            assertTrue(response.json().toString().contains("SPREADSHEET_ID"), response::toString);
        }
    }

    @Test
    void unknownSheetIsNotFoundAndTheAnswerListsTheSheets() {
        fixture.emulator().seed(v3(1000, 67).build());
        try (FunctionServer other = FunctionServer.start(Map.of(
                "SHEETS_EMULATOR_HOST",
                fixture.emulator().hostPort(),
                "SPREADSHEET_ID",
                "s1",
                "SHEET_NAME",
                "Hoja 1"))) {
            Response response = other.post("");

            assertEquals(404, response.status(), response::toString);
            String message =
                    response.json().getAsJsonObject("error").get("message").getAsString();
            assertTrue(
                    message.contains("'Hoja 1'") && message.contains("'Operaciones'") && message.contains("SHEET_NAME"),
                    message);
        }
    }

    @Test
    void permissionDeniedSaysWhoToShareTheSheetWith() {
        fixture.emulator().seed(v3(1000, 67).build());
        fixture.emulator().addFault(FaultRule.on("spreadsheets.get").times(0).status(403));

        Response response = fixture.function().post("");

        assertEquals(403, response.status(), response::toString);
        assertEquals("PERMISSION_DENIED", response.errorStatus());
        assertTrue(response.json().toString().contains("Share the spreadsheet"), response::toString);
    }

    @Test
    void sheetsStayingUnavailableIsA503WithRetryAfterAndNothingWritten() {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().addFault(FaultRule.on("spreadsheets.get").times(0).status(503));
        try (FunctionServer impatient = FunctionServer.start(
                FakeTimeFunction.class.getName(),
                Map.of(
                        "SHEETS_EMULATOR_HOST",
                        fixture.emulator().hostPort(),
                        "SPREADSHEET_ID",
                        "s1",
                        "SHEETS_DEADLINE_MS",
                        "2000",
                        FakeRetryClock.PROPERTY,
                        FakeRetryClock.register(new FakeClock())))) {
            Response response = impatient.post("");

            assertEquals(503, response.status(), response::toString);
            assertNotNull(response.header("Retry-After"));
            assertTrue(response.json().toString().contains("running again is safe"), response::toString);
            assertTrue(
                    fixture.emulator().counters().calls("spreadsheets.get") > 1,
                    "retried: " + fixture.emulator().counters());
        }
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    /** A request the function must refuse: method, query, content type, body and the status it must answer. */
    record BadRequest(String method, String query, String contentType, byte[] body, int status) {
        static BadRequest of(String method, String query, String contentType, String body, int status) {
            return new BadRequest(
                    method, query, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
        }

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " ?" + (query.length() > 40 ? query.substring(0, 40) + "…" : query) + " " + contentType
                    + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + " → " + status;
        }
    }

    static Stream<BadRequest> badRequests() {
        String huge = "{\"dryRun\": true, \"x\": \"" + "a".repeat(70_000) + "\"}";
        return Stream.of(
                // methods
                BadRequest.of("PUT", "", null, null, 405),
                BadRequest.of("DELETE", "", null, null, 405),
                BadRequest.of("PATCH", "", "application/json", "{}", 405),
                BadRequest.of("OPTIONS", "", null, null, 405),
                BadRequest.of("GET", "dryRun=false", null, null, 400),
                BadRequest.of("GET", "", "application/json", "{\"dryRun\": false}", 400),
                // query parameters: bad, repeated, unknown
                BadRequest.of("POST", "dryRun=maybe", null, null, 400),
                BadRequest.of("POST", "dryRun=", null, null, 400),
                BadRequest.of("POST", "dryRun", null, null, 400),
                BadRequest.of("POST", "dryRun=1", null, null, 400),
                BadRequest.of("POST", "dryRun=true&dryRun=false", null, null, 400),
                BadRequest.of("POST", "dryRun=true&dryRun=true", null, null, 400),
                BadRequest.of("POST", "spreadsheetId=other", null, null, 400),
                BadRequest.of("POST", "sheet=Metadata", null, null, 400),
                BadRequest.of("POST", "dry_run=true", null, null, 400),
                BadRequest.of("POST", "dryRun=true&verbose=1", null, null, 400),
                BadRequest.of("POST", "%E9t%E9=1", null, null, 400),
                BadRequest.of("POST", "dryRun=" + "x".repeat(6000), null, null, 400),
                BadRequest.of("POST", "dryRun=true", "application/json", "{\"dryRun\": false}", 400),
                // bodies: invalid, not an object, wrong types, unknown fields, too large
                BadRequest.of("POST", "", "application/json", "{not json", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": true} trailing", 400),
                BadRequest.of("POST", "", "application/json", "[true]", 400),
                BadRequest.of("POST", "", "application/json", "true", 400),
                BadRequest.of("POST", "", "application/json", "\"dryRun\"", 400),
                BadRequest.of("POST", "", "application/json", "null", 400),
                BadRequest.of("POST", "", "application/json", "42", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": \"yes\"}", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": 1}", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": null}", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": [true]}", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": true, \"spreadsheetId\": \"x\"}", 400),
                BadRequest.of("POST", "", "application/json", "{\"dryRun\": true, \"dryRun\": false}", 400),
                BadRequest.of("POST", "", null, "{\"dryRun\": false, \"dryRun\": true}", 400),
                BadRequest.of("POST", "", "application/json", huge, 400),
                BadRequest.of("POST", "", null, huge, 400),
                new BadRequest(
                        "POST",
                        "",
                        "application/json",
                        new byte[] {'{', '"', 'd', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                        400),
                new BadRequest(
                        "POST", "", "application/json", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, 400),
                // content types
                BadRequest.of("POST", "", "text/csv", "dryRun,true", 400),
                BadRequest.of("POST", "", "text/plain", "{\"dryRun\": true}", 400),
                BadRequest.of("POST", "", "application/xml", "<dryRun>true</dryRun>", 400),
                BadRequest.of("POST", "", "application/x-www-form-urlencoded", "dryRun=true", 400),
                BadRequest.of("POST", "", "multipart/form-data; boundary=x", "--x\r\n\r\ntrue\r\n--x--", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsAnsweredWithJson4xxAndTouchesNothing(BadRequest c) {
        fixture.emulator().seed(v3(1000, 67).build());
        JsonObject before = fixture.emulator().dump("s1");
        fixture.emulator().resetCounters();

        Response response = fixture.function().send(c.method(), c.query(), c.contentType(), c.body());

        assertEquals(c.status(), response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("application/json"), response::toString);
        JsonObject error = response.json().getAsJsonObject("error");
        assertEquals(c.status(), error.get("code").getAsInt());
        assertFalse(error.get("message").getAsString().isBlank());
        assertFalse(response.body().contains("Exception"), response::toString);
        if (c.status() == 405) {
            assertEquals("GET, POST", response.header("Allow"));
        }
        assertEquals(0, fixture.emulator().counters().calls(), "no request may reach Sheets");
        assertEquals(before, fixture.emulator().dump("s1"));
    }

    @Test
    void aSheetNameWithSpacesAndAnApostropheWorks() {
        fixture.emulator()
                .seed(Seed.spreadsheet("s1")
                        .sheet("Spool's Operaciones", 200, 67)
                        .row(0, EarlierLayout.OPERACIONES_HEADERS)
                        .spools(1, 20)
                        .build());
        try (FunctionServer other = FunctionServer.start(Map.of(
                "SHEETS_EMULATOR_HOST",
                fixture.emulator().hostPort(),
                "SPREADSHEET_ID",
                "s1",
                "SHEET_NAME",
                "Spool's Operaciones",
                "AUDIT_SHEET",
                "Spool's log"))) {
            Response response = other.post("");

            assertEquals(200, response.status(), response::toString);
            assertEquals(100, response.json().get("cellsInitialized").getAsInt());
            assertEquals(
                    "WRITTEN",
                    response.json().getAsJsonObject("audit").get("outcome").getAsString(),
                    "the audit sheet is created");
            assertFalse(response.json().has("warning"), "a spreadsheet without an audit sheet is normal");
            JsonObject after = fixture.emulator().dump("s1");
            assertEquals(
                    72, sheet(after, "Spool's Operaciones").get("columnCount").getAsInt());
            assertEquals(2, Dumps.rows(sheet(after, "Spool's log")).size(), "the header and the row");
        }
    }

    private static JsonObject withoutMetadata(JsonObject seed) {
        return com.spooltracker.extendschema.testing.Dumps.without(seed, "Metadata");
    }
}
