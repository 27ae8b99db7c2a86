package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FakeCredentials;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What leaves the function: no access token, caller credential or raw upstream error body in any
 * response or log line, and nothing in a request chooses which spreadsheet or sheet is touched.
 */
class SecurityTest {
    /** A fake OIDC token, as Cloud Scheduler sends in Authorization. */
    private static final String CALLER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzY2hlZHVsZXIifQ.c2lnbmF0dXJlRmFrZQ";

    private static final Map<String, String> CALLER_HEADERS = Map.of(
            "Authorization",
            "Bearer " + CALLER_TOKEN,
            "X-Cloud-Trace-Context",
            "105445aa7843bc8bf206b12000100000/1;o=1");
    /** Credentials (ours or the caller's) and pieces of Google's error envelope that only a raw body would carry. */
    private static final List<String> FORBIDDEN = List.of(
            "ya29.",
            "AIzaSy",
            FakeCredentials.MARK,
            "Bearer",
            "bearer",
            "eyJhbGci",
            "c2lnbmF0dXJl",
            "private_key",
            "PRIVATE KEY",
            "\"errors\"",
            "\"details\"",
            "@type",
            "RATE_LIMIT_EXCEEDED",
            "\"domain\"",
            "\"reason\"",
            "\"code\": ",
            "\"code\" :",
            "<html>");

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("s1")
            .serving(CredentialedFunction.class.getName())
            .fakeTime(new FakeClock())
            .with("SHEETS_DEADLINE_MS", "2000");

    private static final List<String> julLines = new CopyOnWriteArrayList<>();
    private static final Handler JUL = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            julLines.add(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void listen() {
        Logger.getLogger("").addHandler(JUL);
    }

    @AfterAll
    static void stopListening() {
        Logger.getLogger("").removeHandler(JUL);
    }

    @BeforeEach
    void fresh() {
        fixture.emulator().seed(v3("s1"));
        fixture.emulator().seed(v3("other"));
    }

    private static JsonObject v3(String id) {
        return Seed.spreadsheet(id)
                .sheet("Operaciones", 200, 67)
                .row(0, EarlierLayout.OPERACIONES_HEADERS)
                .spools(1, 30)
                .sheet("Metadata", 100, 10)
                .row(0, DemoSpreadsheet.METADATA_HEADERS)
                .build();
    }

    /** A request, the faults Google shows it, and the status the function must answer. */
    record Scenario(String name, Consumer<SheetsEmulator> faults, String query, String body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("dry run", e -> {}, "dryRun=true", null, 200),
                new Scenario(
                        "apply after a 401 and a token refresh",
                        e -> e.addFault(FaultRule.on("spreadsheets.get").status(401)),
                        "",
                        null,
                        200),
                new Scenario(
                        "503 until the deadline",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(503)),
                        "",
                        null,
                        503),
                new Scenario(
                        "quota 429 until the deadline",
                        e -> e.addFault(FaultRule.on("spreadsheets.batchUpdate")
                                .times(0)
                                .status(429)),
                        "",
                        null,
                        503),
                new Scenario(
                        "500 on the values write",
                        e -> e.addFault(
                                FaultRule.on("values.batchUpdate").times(0).status(500)),
                        "",
                        null,
                        503),
                new Scenario(
                        "502 (HTML body) on the read",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(502)),
                        "",
                        null,
                        503),
                new Scenario(
                        "connection dropped",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).dropBeforeAnswer()),
                        "",
                        null,
                        503),
                new Scenario(
                        "401 after refresh",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(401)),
                        "",
                        null,
                        502),
                new Scenario(
                        "403",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(403)),
                        "",
                        null,
                        403),
                new Scenario(
                        "404",
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(404)),
                        "",
                        null,
                        404),
                new Scenario(
                        "400 on the grid update",
                        e -> e.addFault(FaultRule.on("spreadsheets.batchUpdate")
                                .times(0)
                                .status(400)),
                        "",
                        null,
                        502),
                new Scenario(
                        "audit append refused",
                        e -> e.addFault(FaultRule.on("values.append").times(0).status(500)),
                        "",
                        null,
                        200),
                new Scenario("token in the query", e -> {}, "dryRun=Bearer%20ya29.a0CallerToken", null, 400),
                new Scenario("token in the body", e -> {}, "", "{\"dryRun\": \"ya29.a0CallerToken\"}", 400),
                new Scenario("token as a body field", e -> {}, "", "{\"ya29.a0CallerToken\": true}", 400),
                new Scenario("token as a query parameter", e -> {}, "ya29.a0CallerToken=1", null, 400),
                new Scenario("token glued to text in the query", e -> {}, "dryRun=_ya29.a0CallerToken", null, 400),
                new Scenario(
                        "token glued to text as a body field", e -> {}, "", "{\"xya29.a0CallerToken\": true}", 400),
                new Scenario(
                        "API key glued to text in the body",
                        e -> {},
                        "",
                        "{\"dryRun\": \"1AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY\"}",
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noCredentialOrUpstreamErrorBodyReachesTheResponseOrTheLog(Scenario scenario) {
        int logsBefore = CredentialedFunction.logLines().size();
        int julBefore = julLines.size();
        scenario.faults().accept(fixture.emulator());
        byte[] body = scenario.body() == null ? null : scenario.body().getBytes(StandardCharsets.UTF_8);

        Response response = fixture.function()
                .send("POST", "", scenario.query(), body == null ? null : "application/json", body, CALLER_HEADERS);

        assertEquals(scenario.status(), response.status(), response::toString);
        JsonParser.parseString(response.body()).getAsJsonObject();
        List<String> logs = new ArrayList<>(CredentialedFunction.logLines()
                .subList(logsBefore, CredentialedFunction.logLines().size()));
        logs.addAll(julLines.subList(julBefore, julLines.size()));
        assertFalse(logs.isEmpty(), "every request logs a line");
        List<String> leaks = new ArrayList<>();
        for (String text :
                concat(List.of(response.status() + " " + response.headers() + " " + response.body()), logs)) {
            String unescaped = text.replace("\\", ""); // a JSON log line escapes the quotes of what it quotes
            for (String forbidden : FORBIDDEN) {
                if (unescaped.contains(forbidden)) {
                    leaks.add("[" + forbidden + "] in: " + text);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void aRequestCannotChooseTheSpreadsheetOrTheSheet() {
        SheetsEmulator emulator = fixture.emulator();
        FunctionServer function = fixture.function();
        JsonObject otherBefore = emulator.dump("other");
        JsonObject s1Before = emulator.dump("s1");
        List<Response> refused = List.of(
                function.send("POST", "", "spreadsheetId=other", null, null, CALLER_HEADERS),
                function.send("POST", "", "sheet=Metadata", null, null, CALLER_HEADERS),
                function.send("POST", "", "range=Metadata!A1", null, null, CALLER_HEADERS),
                function.send(
                        "POST",
                        "",
                        "",
                        "application/json",
                        "{\"spreadsheetId\": \"other\"}".getBytes(StandardCharsets.UTF_8),
                        CALLER_HEADERS),
                function.send(
                        "POST",
                        "",
                        "",
                        "application/json",
                        "{\"dryRun\": false, \"sheetName\": \"Metadata\"}".getBytes(StandardCharsets.UTF_8),
                        CALLER_HEADERS));
        for (Response response : refused) {
            assertEquals(400, response.status(), response::toString);
        }
        assertEquals(0, emulator.counters().calls(), "refused requests reach no spreadsheet");

        Response byPath = function.send(
                "POST",
                "v4/spreadsheets/other/values/Metadata!A1:append",
                "",
                null,
                null,
                Map.of("X-Spreadsheet-Id", "other", "X-Sheet-Name", "Metadata"));

        assertEquals(200, byPath.status(), byPath::toString);
        assertEquals("s1", byPath.json().get("spreadsheetId").getAsString());
        assertEquals("Operaciones", byPath.json().get("sheet").getAsString());
        assertEquals(otherBefore, emulator.dump("other"));
        for (RequestRecord record : emulator.requestLog()) {
            assertTrue(record.pathAndQuery().startsWith("/v4/spreadsheets/s1"), record::toString);
        }
        JsonObject s1After = emulator.dump("s1");
        assertEquals(
                Dumps.withoutNUnion(Dumps.without(Dumps.without(s1Before, "Operaciones"), Dumps.AUDIT)),
                Dumps.withoutNUnion(Dumps.without(Dumps.without(s1After, "Operaciones"), Dumps.AUDIT)),
                "the other sheets, Metadata included");
        assertEquals(
                Dumps.auditRows(s1Before).size() + 1,
                Dumps.auditRows(s1After).size(),
                "only the audit row was added, in the audit sheet");
        assertFalse(Dumps.columnsUpTo(Dumps.sheet(s1Before, "Operaciones"), 67).isEmpty());
        assertEquals(
                Dumps.columnsUpTo(Dumps.sheet(s1Before, "Operaciones"), 67),
                Dumps.columnsUpTo(Dumps.sheet(s1After, "Operaciones"), 67));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
