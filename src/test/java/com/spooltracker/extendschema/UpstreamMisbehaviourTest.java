package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Google misbehaving is not the caller's fault and not a bug of ours: answers of an unexpected shape are
 * a 502 that says running again is safe, Google's own words never carry a credential to the caller, and
 * an append whose answer was lost is reported as unknown, not as failed.
 */
class UpstreamMisbehaviourTest {
    private static final String SECRET_TOKEN = "ya29.a0AfB_byC-secret-access-token-123";
    private static final String API_KEY = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY";

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo()
            .fakeTime(new FakeClock())
            .with("SHEETS_DEADLINE_MS", "3000")
            .with("SHEETS_BACKOFF_INITIAL_MS", "20");

    /** Each call of a fresh migration, answered with valid JSON that is not what Google documents. */
    static Stream<Arguments> oddAnswers() {
        List<String> reads = List.of(
                "{}",
                "[]",
                "null",
                "\"ok\"",
                "{\"sheets\":[]}",
                "{\"sheets\":null}",
                "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\"},\"data\":[]}]}",
                "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\",\"sheetId\":\"abc\","
                        + "\"gridProperties\":{\"rowCount\":1000,\"columnCount\":67}}}]}",
                "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\",\"sheetId\":0,"
                        + "\"gridProperties\":{\"rowCount\":1e10,\"columnCount\":67}}}]}",
                "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\",\"sheetId\":0,"
                        + "\"gridProperties\":{\"rowCount\":1000,\"columnCount\":67}},\"data\":[{\"rowData\":[{\"values\":"
                        + "[{\"formattedValue\":7}]}]},{},{}]}]}");
        List<String> writes = List.of(
                "[]",
                "\"ok\"",
                "{\"replies\":\"none\"}",
                "{\"totalUpdatedCells\":\"many\"}",
                "{\"responses\":5}",
                "{\"updates\":[]}",
                "{\"spreadsheetId\":{}}");
        Stream<Arguments> readCases = reads.stream().map(body -> Arguments.of("spreadsheets.getByDataFilter", body));
        Stream<Arguments> writeCases = Stream.of("spreadsheets.batchUpdate", "values.batchUpdate", "values.append")
                .flatMap(endpoint -> writes.stream().map(body -> Arguments.of(endpoint, body)));
        return Stream.concat(readCases, writeCases);
    }

    @ParameterizedTest(name = "{0} answering {1}")
    @MethodSource("oddAnswers")
    void anAnswerOfAnUnexpectedShapeIsNeverA500AndTheNextRunConverges(String endpoint, String body) {
        fixture.emulator().addFault(FaultRule.on(endpoint).times(0).applyThenRespond(200, body));

        Response odd = fixture.function().post("");

        assertTrue(odd.status() == 200 || odd.status() == 502, odd::toString);
        assertFalse(odd.body().contains("Exception"), odd::toString);
        if (odd.status() == 502) {
            assertEquals("BAD_GATEWAY", odd.errorStatus());
            assertTrue(odd.body().contains("running again is safe"), odd::toString);
        }
        fixture.emulator().clearFaults();
        ColumnMapCache.shared().invalidateAll();

        Response next = fixture.function().post("");

        assertEquals(200, next.status(), next::toString);
        assertEquals(
                72,
                sheet(fixture.emulator().dump("demo"), "Operaciones")
                        .get("columnCount")
                        .getAsInt());
        assertEquals(
                "UP_TO_DATE", fixture.function().post("").json().get("status").getAsString());
    }

    @Test
    void anAnswerLeavingOutTheSheetIsABadGatewayNotAMissingSheet() {
        fixture.emulator()
                .addFault(FaultRule.on("spreadsheets.getByDataFilter").times(0).respond(200, "{}"));

        Response response = fixture.function().post("?dryRun=true".substring(1));

        assertEquals(502, response.status(), response::toString);
        assertTrue(response.body().contains("leaves out sheet 'Operaciones'"), response::toString);
        assertEquals(1, fixture.emulator().counters().calls("spreadsheets.getByDataFilter"));
        assertEquals(0, fixture.emulator().counters().calls("spreadsheets.get"), "no second read to list the sheets");
    }

    @Test
    void credentialsInGooglesErrorMessagesNeverReachTheCaller() {
        String message = "Request had invalid authentication credentials. Authorization: Bearer " + SECRET_TOKEN
                + " for https://sheets.googleapis.com/v4/spreadsheets/demo?key=" + API_KEY;
        for (int code : new int[] {400, 401, 500}) {
            fixture.emulator()
                    .addFault(FaultRule.on("spreadsheets.get")
                            .times(0)
                            .respond(
                                    code,
                                    "{\"error\":{\"code\":" + code + ",\"message\":\"" + message
                                            + "\",\"status\":\"X\"}}"));

            Response response = fixture.function().post("dryRun=true");

            assertTrue(response.status() == 502 || response.status() == 503, response::toString);
            assertFalse(response.body().contains(SECRET_TOKEN), response::toString);
            assertFalse(response.body().contains(API_KEY), response::toString);
            assertFalse(response.body().contains("a0AfB"), response::toString);
            if (code == 400) {
                assertTrue(response.body().contains("[REDACTED]"), "Google's message is shown, redacted: " + response);
            }
            fixture.emulator().clearFaults();
        }
    }

    @Test
    void anAuditAppendWhoseAnswerIsLostIsReportedUnknownAndNotSentTwice() {
        fixture.emulator().seed(Dumps.withAuditSheet(fixture.emulator().dump("demo")));
        fixture.emulator().addFault(FaultRule.on("values.append").applyThenDrop());
        int before = Dumps.auditRows(fixture.emulator().dump("demo")).size();

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject audit = response.json().getAsJsonObject("audit");
        assertEquals("UNKNOWN", audit.get("outcome").getAsString(), response::toString);
        assertTrue(response.json().has("warning"), response::toString);
        assertEquals(
                before + 1, Dumps.auditRows(fixture.emulator().dump("demo")).size(), "the row was written once");
        assertEquals(1, fixture.emulator().counters().calls("values.append"), "the append was not sent again");
    }

    @Test
    void aSingle500OnTheAuditAppendSaysWhatHappenedAndPromisesNoRerun() {
        fixture.emulator().addFault(FaultRule.on("values.append").status(500));

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject audit = response.json().getAsJsonObject("audit");
        String message = audit.get("message").getAsString();
        assertEquals("UNKNOWN", audit.get("outcome").getAsString(), response::toString);
        assertTrue(message.contains("answered 500") && message.contains("once"), message);
        assertTrue(message.contains("not idempotent"), message);
        assertTrue(message.contains("may or may not have been written"), message);
        assertFalse(message.contains("until the retry deadline"), message);
        assertFalse(message.contains("finishes the job"), message);
        assertEquals(1, fixture.emulator().counters().calls("values.append"), "the append was not sent again");
    }

    @Test
    void anAuditAppendGoogleKeptRefusingIsNotWrittenAndARerunIsNotSaidToAddIt() {
        fixture.emulator().seed(Dumps.withAuditSheet(fixture.emulator().dump("demo")));
        fixture.emulator().addFault(FaultRule.on("values.append").times(0).status(503));
        int before = Dumps.auditRows(fixture.emulator().dump("demo")).size();

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject audit = response.json().getAsJsonObject("audit");
        String message = audit.get("message").getAsString();
        assertEquals("FAILED", audit.get("outcome").getAsString(), response::toString);
        assertTrue(message.contains("was not written") && message.contains("503"), message);
        assertFalse(message.contains("finishes the job"), message);
        assertEquals(before, Dumps.auditRows(fixture.emulator().dump("demo")).size());
    }

    /** Each call of a fresh migration and refresh, answered 200 with a body that is not JSON. */
    static Stream<Arguments> unreadableAnswers() {
        return Stream.of(
                        "spreadsheets.getByDataFilter",
                        "values.batchGetByDataFilter",
                        "spreadsheets.batchUpdate",
                        "values.batchUpdate")
                .flatMap(endpoint -> Stream.of("<html><body>Service error</body></html>", "{\"sheets\": [}", "{]")
                        .map(body -> Arguments.of(endpoint, body)));
    }

    @ParameterizedTest(name = "{0} answering {1}")
    @MethodSource("unreadableAnswers")
    void aBodyThatIsNotJsonIsABadGatewaySayingGoogleAnsweredSomethingUnreadable(String endpoint, String body) {
        fixture.emulator().addFault(FaultRule.on(endpoint).times(0).respond(200, body));

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(502, response.status(), response::toString);
        assertEquals("BAD_GATEWAY", response.errorStatus());
        assertTrue(response.body().contains("unreadable"), response::toString);
        assertFalse(response.body().contains("Could not reach"), response::toString);
    }

    @Test
    void anAuditAppendAnsweredWithABodyThatIsNotJsonIsUnknownAndSaysSo() {
        fixture.emulator().addFault(FaultRule.on("values.append").applyThenRespond(200, "<html>oops</html>"));

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject audit = response.json().getAsJsonObject("audit");
        assertEquals("UNKNOWN", audit.get("outcome").getAsString(), response::toString);
        assertTrue(audit.get("message").getAsString().contains("unreadable"), response::toString);
    }

    /**
     * The refresh's values read of the migrated demo, as Google would answer it for one spool SP-1 of OT
     * 1204 and one armed union, each column from its header cell down, with {@code poison} in place of
     * the cell {@code at} ("key", "ot", "metric", "unionOt", "dn").
     */
    /**
     * The refresh's values read of Uniones on a new instance (a {@code values.batchGetByDataFilter} of its
     * header row and of the columns where the tracker has OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN),
     * as Google would answer it for one union of OT 1204, each column from its header cell down, with
     * {@code poison} in place of the cell {@code at} ("unionOt", "dn").
     */
    private static String valuesAnswer(String at, String poison) {
        List<String> ranges = new java.util.ArrayList<>();
        List<String> header = new java.util.ArrayList<>();
        for (String name : DemoSpreadsheet.UNIONES_HEADERS) {
            header.add("[\"" + name + "\"]");
        }
        ranges.add(matched("A1:V1", "[" + String.join(",", header) + "]"));
        ranges.add(matched("B1:B2000", column("\"OT\"", at.equals("unionOt") ? poison : "1204")));
        ranges.add(matched("D1:D2000", column("\"DN_UNION\"", at.equals("dn") ? poison : "2")));
        ranges.add(matched("G1:G2000", column("\"ARM_FECHA_FIN\"", "45700")));
        ranges.add(matched("J1:J2000", column("\"SOL_FECHA_FIN\"", "45701")));
        return "{\"valueRanges\":[" + String.join(",", ranges) + "]}";
    }

    private static String matched(String cells, String values) {
        return "{\"valueRange\":{\"range\":\"Uniones!" + cells + "\",\"majorDimension\":\"COLUMNS\",\"values\":"
                + values + "}}";
    }

    private static String column(String header, String cell) {
        return "[[" + header + "," + cell + "]]";
    }

    static Stream<Arguments> oddCells() {
        return Stream.of("unionOt", "dn")
                .flatMap(at -> Stream.of("{\"stringValue\":\"1204\"}", "[1204]", "{}", "[]")
                        .map(poison -> Arguments.of(at, poison)));
    }

    @ParameterizedTest(name = "{1} as the {0} cell")
    @MethodSource("oddCells")
    void aValuesAnswerWithAnObjectOrArrayForACellIsABadGatewayAndWritesNothing(String at, String poison) {
        assertEquals(200, fixture.function().post("").status(), "migrated first");
        fixture.emulator()
                .addFault(FaultRule.on("values.batchGetByDataFilter").times(0).respond(200, valuesAnswer(at, poison)));
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(502, response.status(), response::toString);
        assertEquals("BAD_GATEWAY", response.errorStatus());
        assertTrue(response.body().contains("running again is safe"), response::toString);
        assertEquals(before, fixture.emulator().dump("demo"), "nothing written");
    }

    static Stream<Arguments> oddGridCells() {
        return Stream.of("key", "ot", "metric")
                .flatMap(at -> Stream.of(
                                "{\"formattedValue\":{}}",
                                "{\"formattedValue\":[\"SP-1\"]}",
                                "{\"userEnteredValue\":{\"numberValue\":[7]}}")
                        .map(poison -> Arguments.of(at, poison)));
    }

    /**
     * The refresh decides from the grid read of Operaciones (its key, OT and metric cells): an object or
     * array where a cell's value belongs there is no answer of Google's either.
     */
    @ParameterizedTest(name = "{1} as the {0} cell of the grid read")
    @MethodSource("oddGridCells")
    void aGridAnswerWithAnObjectOrArrayForARefreshCellIsABadGatewayAndWritesNothing(String at, String poison) {
        assertEquals(200, fixture.function().post("").status(), "migrated first");
        ColumnMapCache.shared().invalidateAll();
        String cell = "{\"formattedValue\":\"1\",\"userEnteredValue\":{\"numberValue\":1}}";
        // The tracker's layout: OT in C, TAG_SPOOL in G, the metrics after Estado_Detalle.
        String ot = block(2, 1, "{\"formattedValue\":\"OT\"}", at.equals("ot") ? poison : cell);
        String key = block(
                6,
                1,
                "{\"formattedValue\":\"TAG_SPOOL\"}",
                at.equals("key") ? poison : "{\"formattedValue\":\"SP-1\"}");
        String metrics = block(
                66,
                6,
                "{\"formattedValue\":\"Estado_Detalle\"},{\"formattedValue\":\"Total_Uniones\"},"
                        + "{\"formattedValue\":\"Uniones_ARM_Completadas\"},{\"formattedValue\":\"Uniones_SOLD_Completadas\"},"
                        + "{\"formattedValue\":\"Pulgadas_ARM\"},{\"formattedValue\":\"Pulgadas_SOLD\"}",
                "{}," + (at.equals("metric") ? poison : cell) + "," + cell + "," + cell + "," + cell + "," + cell);
        List<String> header = new java.util.ArrayList<>();
        for (String name : DemoSpreadsheet.OPERACIONES_HEADERS) {
            header.add("{\"formattedValue\":\"" + name + "\"}");
        }
        for (String name : List.of(
                "Total_Uniones",
                "Uniones_ARM_Completadas",
                "Uniones_SOLD_Completadas",
                "Pulgadas_ARM",
                "Pulgadas_SOLD")) {
            header.add("{\"formattedValue\":\"" + name + "\"}");
        }
        List<String> unionesHeader = new java.util.ArrayList<>();
        for (String name : DemoSpreadsheet.UNIONES_HEADERS) {
            unionesHeader.add("{\"formattedValue\":\"" + name + "\"}");
        }
        String body = "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\",\"sheetId\":0,"
                + "\"gridProperties\":{\"rowCount\":1000,\"columnCount\":72}},\"data\":["
                + "{\"rowData\":[{\"values\":[" + String.join(",", header) + "]}],\"columnMetadata\":"
                + columnMetadata(72) + "}," + ot + "," + key + "," + metrics + "]},"
                + "{\"properties\":{\"title\":\"Uniones\",\"sheetId\":1204557871,"
                + "\"gridProperties\":{\"rowCount\":2000,\"columnCount\":22}},\"data\":["
                + "{\"rowData\":[{\"values\":[" + String.join(",", unionesHeader) + "]}],\"columnMetadata\":"
                + columnMetadata(22) + "}]}]}";
        fixture.emulator()
                .addFault(FaultRule.on("spreadsheets.getByDataFilter").times(0).respond(200, body));
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(502, response.status(), response::toString);
        assertEquals("BAD_GATEWAY", response.errorStatus());
        assertEquals(before, fixture.emulator().dump("demo"), "nothing written");
    }

    /** A GridData block of {@code width} columns from {@code startColumn}: a header row and one row below it. */
    private static String block(int startColumn, int width, String header, String below) {
        return "{\"startColumn\":" + startColumn + ",\"rowData\":[{\"values\":[" + header + "]},{\"values\":[" + below
                + "]}],\"columnMetadata\":" + columnMetadata(width) + "}";
    }

    /** One DimensionProperties per column, as Google gives each block. */
    private static String columnMetadata(int columns) {
        return "[" + String.join(",", java.util.Collections.nCopies(columns, "{}")) + "]";
    }

    @Test
    void theCraftedValuesAnswerIsReadAsGooglesWhenItHoldsOnlyScalars() {
        assertEquals(200, fixture.function().post("").status(), "migrated first");
        fixture.emulator()
                .addFault(FaultRule.on("values.batchGetByDataFilter").times(0).respond(200, valuesAnswer("none", "")));

        Response response = fixture.function().post("refreshMetrics=true&dryRun=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject metrics = response.json().getAsJsonObject("metrics");
        assertEquals(
                com.spooltracker.extendschema.local.DemoSpreadsheet.SPOOLS,
                metrics.get("rowsChecked").getAsInt(),
                metrics::toString);
        assertEquals(0, metrics.getAsJsonObject("orphanUnions").get("count").getAsInt(), "OT 1204 is a spool's");
    }

    @ParameterizedTest(name = "userEnteredValue {0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"{\"formulaValue\":{\"f\":1}}", "{\"numberValue\":[1]}", "{\"stringValue\":{}}"})
    void aGridAnswerWithAnObjectInsideAnEnteredValueIsABadGateway(String entered) {
        String body = "{\"sheets\":[{\"properties\":{\"title\":\"Operaciones\",\"sheetId\":0,"
                + "\"gridProperties\":{\"rowCount\":1000,\"columnCount\":67}},\"data\":[{\"rowData\":[{\"values\":"
                + "[{\"formattedValue\":\"TAG_SPOOL\",\"userEnteredValue\":" + entered + "}]}]},{},{}]}]}";
        fixture.emulator().addFault(FaultRule.on("spreadsheets.getByDataFilter").respond(200, body));

        Response response = fixture.function().post("dryRun=true");

        assertEquals(502, response.status(), response::toString);
        assertTrue(response.body().contains("userEnteredValue"), response::toString);
    }
}
