package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.DemoSpreadsheet;
import com.spooltracker.extendschema.emulator.FaultRule;
import com.spooltracker.extendschema.emulator.RequestRecord;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FakeCredentials;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What leaves the function: no access token, caller credential or raw upstream error body in any
 * response or log line, and nothing in a request chooses which spreadsheet or sheet is touched.
 */
class SecurityTest {
    /** A fake OIDC token, as Cloud Scheduler sends in Authorization. */
    private static final String CALLER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzY2hlZHVsZXIifQ.c2lnbmF0dXJlRmFrZQ";
    private static final Map<String, String> CALLER_HEADERS = Map.of("Authorization", "Bearer " + CALLER_TOKEN,
            "X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1");
    /** Credentials (ours or the caller's) and pieces of Google's error envelope that only a raw body would carry. */
    private static final List<String> FORBIDDEN = List.of("ya29.", FakeCredentials.MARK, "Bearer", "bearer",
            "eyJhbGci", "c2lnbmF0dXJl", "private_key", "PRIVATE KEY", "\"errors\"", "\"details\"", "@type",
            "RATE_LIMIT_EXCEEDED", "\"domain\"", "\"reason\"", "\"code\": ", "\"code\" :", "<html>");

    private static SheetsEmulator emulator;
    private static FunctionServer function;
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
    static void start() {
        Logger.getLogger("").addHandler(JUL);
        emulator = SheetsEmulator.start();
        function = FunctionServer.start(CredentialedFunction.class.getName(), Map.of(
                "SHEETS_EMULATOR_HOST", emulator.hostPort(), "SPREADSHEET_ID", "s1", "SHEETS_DEADLINE_SECONDS", "2"));
    }

    @AfterAll
    static void stop() {
        function.close();
        emulator.close();
        Logger.getLogger("").removeHandler(JUL);
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
        emulator.seed(v3("s1"));
        emulator.seed(v3("other"));
        ColumnMapCache.shared().invalidateAll();
    }

    private static JsonObject v3(String id) {
        return Seed.spreadsheet(id).sheet("Operaciones", 200, 67).row(0, DemoSpreadsheet.OPERACIONES_HEADERS).spools(1, 30)
                .sheet("Metadata", 100, 10).row(0, DemoSpreadsheet.METADATA_HEADERS).build();
    }

    private record Scenario(String name, Consumer<SheetsEmulator> faults, String method, String query, String body) {}

    @Test
    void noCredentialOrUpstreamErrorBodyReachesAResponseOrALogLine() {
        List<Scenario> scenarios = List.of(
                new Scenario("dry run", e -> {}, "POST", "dryRun=true", null),
                new Scenario("apply after a 401 and a token refresh", e -> e.addFault(FaultRule.on("spreadsheets.get").status(401)),
                        "POST", "", null),
                new Scenario("503 until the deadline", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).status(503)),
                        "POST", "", null),
                new Scenario("quota 429 until the deadline", e -> e.addFault(FaultRule.on("spreadsheets.batchUpdate").times(0)
                        .status(429)), "POST", "", null),
                new Scenario("500 on the values write", e -> e.addFault(FaultRule.on("values.batchUpdate").times(0).status(500)),
                        "POST", "", null),
                new Scenario("502 (HTML body) on the read", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).status(502)),
                        "POST", "", null),
                new Scenario("connection dropped", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).dropBeforeAnswer()),
                        "POST", "", null),
                new Scenario("401 after refresh", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).status(401)),
                        "POST", "", null),
                new Scenario("403", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).status(403)), "POST", "", null),
                new Scenario("404", e -> e.addFault(FaultRule.on("spreadsheets.get").times(0).status(404)), "POST", "", null),
                new Scenario("400 on the grid update", e -> e.addFault(FaultRule.on("spreadsheets.batchUpdate").times(0).status(400)),
                        "POST", "", null),
                new Scenario("audit append refused", e -> e.addFault(FaultRule.on("values.append").times(0).status(500)),
                        "POST", "", null),
                new Scenario("token in the query", e -> {}, "POST", "dryRun=Bearer%20ya29.a0CallerToken", null),
                new Scenario("token in the body", e -> {}, "POST", "", "{\"dryRun\": \"ya29.a0CallerToken\"}"),
                new Scenario("token as a body field", e -> {}, "POST", "", "{\"ya29.a0CallerToken\": true}"),
                new Scenario("token as a query parameter", e -> {}, "POST", "ya29.a0CallerToken=1", null));
        List<String> answers = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Scenario scenario : scenarios) {
            fresh();
            scenario.faults().accept(emulator);
            byte[] body = scenario.body() == null ? null : scenario.body().getBytes(StandardCharsets.UTF_8);

            Response response = function.send(scenario.method(), "", scenario.query(),
                    body == null ? null : "application/json", body, CALLER_HEADERS);

            JsonParser.parseString(response.body()).getAsJsonObject();
            statuses.merge(response.status(), 1, Integer::sum);
            answers.add(scenario.name() + " → " + response.status() + " " + response.headers() + " " + response.body());
        }
        List<String> logs = new ArrayList<>(CredentialedFunction.logLines());
        logs.addAll(julLines);

        assertTrue(statuses.keySet().containsAll(List.of(200, 400, 403, 404, 502, 503)), statuses::toString);
        assertTrue(logs.size() >= scenarios.size(), "every request logs a line: " + logs.size());
        List<String> leaks = new ArrayList<>();
        for (String text : concat(answers, logs)) {
            String unescaped = text.replace("\\", ""); // a JSON log line escapes the quotes of what it quotes
            for (String forbidden : FORBIDDEN) {
                if (unescaped.contains(forbidden)) {
                    leaks.add("[" + forbidden + "] in: " + text);
                }
            }
        }
        System.out.printf("security: %d requests (statuses %s), %d log lines, %d tokens or upstream bodies%n",
                scenarios.size(), statuses, logs.size(), leaks.size());
        assertEquals(List.of(), leaks);
    }

    @Test
    void aRequestCannotChooseTheSpreadsheetOrTheSheet() {
        JsonObject otherBefore = emulator.dump("other");
        JsonObject s1Before = emulator.dump("s1");
        List<Response> refused = List.of(
                function.send("POST", "", "spreadsheetId=other", null, null, CALLER_HEADERS),
                function.send("POST", "", "sheet=Metadata", null, null, CALLER_HEADERS),
                function.send("POST", "", "range=Metadata!A1", null, null, CALLER_HEADERS),
                function.send("POST", "", "", "application/json",
                        "{\"spreadsheetId\": \"other\"}".getBytes(StandardCharsets.UTF_8), CALLER_HEADERS),
                function.send("POST", "", "", "application/json",
                        "{\"dryRun\": false, \"sheetName\": \"Metadata\"}".getBytes(StandardCharsets.UTF_8), CALLER_HEADERS));
        for (Response response : refused) {
            assertEquals(400, response.status(), response::toString);
        }
        assertEquals(0, emulator.counters().calls(), "refused requests reach no spreadsheet");

        Response byPath = function.send("POST", "v4/spreadsheets/other/values/Metadata!A1:append", "", null, null,
                Map.of("X-Spreadsheet-Id", "other", "X-Sheet-Name", "Metadata"));

        assertEquals(200, byPath.status(), byPath::toString);
        assertEquals("s1", byPath.json().get("spreadsheetId").getAsString());
        assertEquals("Operaciones", byPath.json().get("sheet").getAsString());
        assertEquals(otherBefore, emulator.dump("other"));
        for (RequestRecord record : emulator.requestLog()) {
            assertTrue(record.pathAndQuery().startsWith("/v4/spreadsheets/s1"), record::toString);
        }
        JsonObject s1After = emulator.dump("s1");
        assertEquals(Dumps.without(Dumps.without(s1Before, "Operaciones"), "Metadata"),
                Dumps.without(Dumps.without(s1After, "Operaciones"), "Metadata"));
        assertEquals(Dumps.rows(Dumps.sheet(s1Before, "Metadata")).size() + 1,
                Dumps.rows(Dumps.sheet(s1After, "Metadata")).size(), "Metadata only got its audit row");
        assertFalse(Dumps.columnsUpTo(Dumps.sheet(s1Before, "Operaciones"), 67).isEmpty());
        assertEquals(Dumps.columnsUpTo(Dumps.sheet(s1Before, "Operaciones"), 67),
                Dumps.columnsUpTo(Dumps.sheet(s1After, "Operaciones"), 67));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
