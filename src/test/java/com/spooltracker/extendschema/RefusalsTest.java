package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.DemoSpreadsheet;
import com.spooltracker.extendschema.emulator.FaultRule;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way the function says no: conflicts (409), missing things (404), permissions (403), bad requests (4xx), outages (503). */
class RefusalsTest {
    private static SheetsEmulator emulator;
    private static FunctionServer function;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start();
        function = FunctionServer.start(emulator.hostPort(), "s1");
    }

    @AfterAll
    static void stop() {
        function.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
        ColumnMapCache.shared().invalidateAll();
    }

    private static Seed v3(int rows, int columns) {
        return Seed.spreadsheet("s1").sheet("Operaciones", rows, columns)
                .row(0, DemoSpreadsheet.OPERACIONES_HEADERS).spools(1, 40)
                .sheet("Metadata", 100, 10).row(0, List.of("ID", "Timestamp", "Evento_Tipo", "TAG_SPOOL", "Worker_ID",
                        "Worker_Nombre", "Operacion", "Accion", "Fecha_Operacion", "Metadata_JSON"));
    }

    /** Seeds, POSTs, and checks the answer is a 409 of {@code kind} that left the spreadsheet byte-identical. */
    private static JsonObject refusedWith(String kind, JsonObject seed) {
        emulator.seed(seed);
        JsonObject before = emulator.dump("s1");
        emulator.resetCounters();

        Response response = function.post("");

        assertEquals(409, response.status(), response::toString);
        JsonObject error = response.json().getAsJsonObject("error");
        assertEquals("CONFLICT", error.get("status").getAsString());
        assertTrue(error.getAsJsonArray("conflicts").toString().contains(kind), error::toString);
        assertEquals(before, emulator.dump("s1"), "the sheet must be byte-identical");
        return error;
    }

    @Test
    void emptyHeaderRowIsRefused() {
        refusedWith("NO_HEADER_ROW", Seed.spreadsheet("s1").sheet("Operaciones", 100, 67).spools(1, 10).build());
    }

    @Test
    void aNewColumnsNameAppearingTwiceIsRefusedNamingBothCells() {
        JsonObject error = refusedWith("DUPLICATE_HEADER",
                v3(1000, 69).on("Operaciones").cell(0, 67, "Total_Uniones").cell(0, 68, "total uniones").build());
        assertTrue(error.toString().contains("BP1") && error.toString().contains("BQ1"), error::toString);
    }

    @Test
    void valuesUnderABlankHeaderWhereAColumnWouldGoAreRefusedNamingTheCells() {
        JsonObject error = refusedWith("NON_EMPTY_CELLS", v3(1000, 70).on("Operaciones").cell(5, 68, "nota suelta").build());
        assertTrue(error.toString().contains("BQ6"), error::toString);
    }

    @Test
    void missingKeyColumnIsRefused() {
        refusedWith("KEY_COLUMN_MISSING", v3(1000, 67).on("Operaciones").cell(0, 0, "SPOOL").build());
    }

    @Test
    void aSheetThatWouldPassTheCellLimitIsRefusedBeforeAnyWrite() {
        refusedWith("CELL_LIMIT", v3(140_000, 67).build());
        assertEquals(0, emulator.counters().writes());
    }

    @Test
    void aWorkbookThatWouldPassTheCellLimitIsRefusedWithNothingWritten() {
        // 1000 × 67 + 99,330 × 100 = exactly 10,000,000 cells: any growth is over the limit.
        JsonObject seed = v3(1000, 67).sheet("Archivo", 99_330, 100).row(0, List.of("Histórico")).build();
        refusedWith("CELL_LIMIT", withoutMetadata(seed));
    }

    @Test
    void aDryRunPredictsTheWorkbookCellLimitRefusalThatTheApplyMeets() {
        JsonObject seed = withoutMetadata(v3(1000, 67).sheet("Archivo", 99_330, 100).row(0, List.of("Histórico")).build());
        emulator.seed(seed);
        JsonObject before = emulator.dump("s1");

        Response dryRun = function.post("dryRun=true");
        Response apply = function.post("");

        assertEquals(409, dryRun.status(), dryRun::toString);
        assertTrue(dryRun.body().contains("CELL_LIMIT") && dryRun.body().contains("10,000,000"), dryRun::toString);
        assertEquals(409, apply.status(), apply::toString);
        assertTrue(apply.body().contains("CELL_LIMIT"), apply::toString);
        assertEquals(before, emulator.dump("s1"));
    }

    @Test
    void aDryRunOfASheetThatFitsReadsTheSheetSizesOnceAndStillWritesNothing() {
        emulator.seed(v3(1000, 67).build());
        JsonObject before = emulator.dump("s1");
        emulator.resetCounters();

        Response dryRun = function.post("dryRun=true");

        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals("DRY_RUN", dryRun.json().get("status").getAsString());
        assertEquals(2, emulator.counters().reads(), "the snapshot and the sheet sizes: " + emulator.counters());
        assertEquals(0, emulator.counters().writes());
        assertEquals(before, emulator.dump("s1"));
    }

    @Test
    void aBodyThatRepeatsDryRunIsRefusedWhicheverValueComesLast() {
        emulator.seed(v3(1000, 67).build());
        JsonObject before = emulator.dump("s1");
        emulator.resetCounters();
        for (String body : List.of("{\"dryRun\": true, \"dryRun\": false}", "{\"dryRun\": false, \"dryRun\": true}",
                "{\"dryRun\": true, \"dryRun\": true}")) {
            Response response = function.postJson("", body);

            assertEquals(400, response.status(), body + " → " + response);
            assertTrue(response.json().toString().contains("more than once"), response::toString);
        }
        assertEquals(0, emulator.counters().calls(), "no request may reach Sheets");
        assertEquals(before, emulator.dump("s1"));
    }

    @Test
    void anAuditSheetThatIsTheMigratedSheetIsRefusedOnEveryRequest() {
        emulator.seed(v3(1000, 67).build());
        JsonObject before = emulator.dump("s1");
        try (FunctionServer misconfigured = FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(),
                "SPREADSHEET_ID", "s1", "AUDIT_SHEET", "Operaciones"))) {
            for (int i = 0; i < 2; i++) {
                Response response = misconfigured.post("");

                assertEquals(503, response.status(), response::toString);
                assertEquals("NOT_CONFIGURED", response.errorStatus());
                assertTrue(response.body().contains("AUDIT_SHEET"), response::toString);
            }
        }
        assertEquals(before, emulator.dump("s1"));
    }

    @Test
    void unknownSpreadsheetIsNotFound() {
        try (FunctionServer other = FunctionServer.start(emulator.hostPort(), "no-such-spreadsheet")) {
            Response response = other.post("");

            assertEquals(404, response.status(), response::toString);
            assertTrue(response.json().toString().contains("SPREADSHEET_ID"), response::toString);
        }
    }

    @Test
    void unknownSheetIsNotFoundAndTheAnswerListsTheSheets() {
        emulator.seed(v3(1000, 67).build());
        try (FunctionServer other = FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(),
                "SPREADSHEET_ID", "s1", "SHEET_NAME", "Hoja 1"))) {
            Response response = other.post("");

            assertEquals(404, response.status(), response::toString);
            String message = response.json().getAsJsonObject("error").get("message").getAsString();
            assertTrue(message.contains("'Hoja 1'") && message.contains("'Operaciones'") && message.contains("SHEET_NAME"), message);
        }
    }

    @Test
    void permissionDeniedSaysWhoToShareTheSheetWith() {
        emulator.seed(v3(1000, 67).build());
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).status(403));

        Response response = function.post("");

        assertEquals(403, response.status(), response::toString);
        assertEquals("PERMISSION_DENIED", response.errorStatus());
        assertTrue(response.json().toString().contains("Share the spreadsheet"), response::toString);
    }

    @Test
    void sheetsStayingUnavailableIsA503WithRetryAfterAndNothingWritten() {
        emulator.seed(v3(1000, 67).build());
        JsonObject before = emulator.dump("s1");
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).status(503));
        try (FunctionServer impatient = FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(),
                "SPREADSHEET_ID", "s1", "SHEETS_DEADLINE_SECONDS", "2"))) {
            Response response = impatient.post("");

            assertEquals(503, response.status(), response::toString);
            assertNotNull(response.header("Retry-After"));
            assertTrue(response.json().toString().contains("running again is safe"), response::toString);
            assertTrue(emulator.counters().calls("spreadsheets.get") > 1, "retried: " + emulator.counters());
        }
        assertEquals(before, emulator.dump("s1"));
    }

    /** A request the function must refuse: method, query, content type, body and the status it must answer. */
    private record BadRequest(String method, String query, String contentType, byte[] body, int status) {
        static BadRequest of(String method, String query, String contentType, String body, int status) {
            return new BadRequest(method, query, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
        }
    }

    @Test
    void badRequestsAreAnsweredWithJson4xxAndTouchNothing() {
        emulator.seed(v3(1000, 67).build());
        JsonObject before = emulator.dump("s1");
        emulator.resetCounters();
        String huge = "{\"dryRun\": true, \"x\": \"" + "a".repeat(70_000) + "\"}";
        List<BadRequest> cases = new ArrayList<>(List.of(
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
                new BadRequest("POST", "", "application/json", new byte[] {'{', '"', 'd', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400),
                new BadRequest("POST", "", "application/json", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, 400),
                // content types
                BadRequest.of("POST", "", "text/csv", "dryRun,true", 400),
                BadRequest.of("POST", "", "text/plain", "{\"dryRun\": true}", 400),
                BadRequest.of("POST", "", "application/xml", "<dryRun>true</dryRun>", 400),
                BadRequest.of("POST", "", "application/x-www-form-urlencoded", "dryRun=true", 400),
                BadRequest.of("POST", "", "multipart/form-data; boundary=x", "--x\r\n\r\ntrue\r\n--x--", 400)));
        int json4xx = 0;
        for (BadRequest c : cases) {
            Response response = function.send(c.method(), c.query(), c.contentType(), c.body());

            String what = c.method() + " ?" + c.query() + " " + c.contentType() + " → " + response;
            assertEquals(c.status(), response.status(), what);
            assertTrue(response.header("Content-Type").startsWith("application/json"), what);
            JsonObject error = response.json().getAsJsonObject("error");
            assertEquals(c.status(), error.get("code").getAsInt(), what);
            assertFalse(error.get("message").getAsString().isBlank(), what);
            assertFalse(response.body().contains("Exception"), what);
            json4xx++;
        }
        Response put = function.send("PUT", "", null, null);
        assertEquals("GET, POST", put.header("Allow"));
        assertEquals(0, emulator.counters().calls(), "no request may reach Sheets: " + emulator.counters());
        assertEquals(before, emulator.dump("s1"));
        System.out.printf("bad input: %d requests tried, %d answered 4xx JSON, %d writes%n", cases.size(), json4xx,
                emulator.counters().writes());
    }

    @Test
    void aSheetNameWithSpacesAndAnApostropheWorks() {
        emulator.seed(Seed.spreadsheet("s1").sheet("Spool's Operaciones", 200, 67)
                .row(0, DemoSpreadsheet.OPERACIONES_HEADERS).spools(1, 20).build());
        try (FunctionServer other = FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", emulator.hostPort(),
                "SPREADSHEET_ID", "s1", "SHEET_NAME", "Spool's Operaciones"))) {
            Response response = other.post("");

            assertEquals(200, response.status(), response::toString);
            assertEquals(100, response.json().get("cellsInitialized").getAsInt());
            assertEquals("SKIPPED", response.json().getAsJsonObject("audit").get("outcome").getAsString(), "no Metadata sheet");
            assertFalse(response.json().has("warning"), "a spreadsheet without an audit sheet is normal");
            assertEquals(72, sheet(emulator.dump("s1"), "Spool's Operaciones").get("columnCount").getAsInt());
        }
    }

    private static JsonObject withoutMetadata(JsonObject seed) {
        return com.spooltracker.extendschema.testing.Dumps.without(seed, "Metadata");
    }
}
