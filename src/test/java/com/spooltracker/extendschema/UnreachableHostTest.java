package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.FakeRetryClock;
import com.spooltracker.extendschema.testing.FunctionServer;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sheets that give no answer (an emulator that drops every connection): the CLI and the function name
 * the host in their failure, log each retry as one line with its wait, and say how many attempts were
 * made over how long. At a local port where nothing listens they fail at once, without retries. The
 * retries' pauses advance a fake clock instead of being slept; nothing here depends on how long it takes.
 */
class UnreachableHostTest {
    private static final Map<String, String> QUICK =
            Map.of("SHEETS_DEADLINE_MS", "2000", "SHEETS_BACKOFF_INITIAL_MS", "20");

    private SheetsEmulator emulator;
    private String host;
    private String closedHost;

    /** An emulator that drops every spreadsheets.get unanswered, and a local port where nothing listens. */
    @BeforeEach
    void start() throws IOException {
        emulator = SheetsEmulator.start();
        emulator.seed(DemoSpreadsheet.seed());
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).dropBeforeAnswer());
        host = emulator.hostPort();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedHost = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theCliNamesTheHostLogsEachRetryWithItsWaitAndSaysWhatWasTried() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Cli.run(
                new String[] {"--emulator", host, "--dry-run"},
                QUICK,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new FakeRetryClock(new FakeClock()));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.FAILED, exit, stderr);
        Pattern retryLine = Pattern.compile("WARNING extendSchema: Sheets spreadsheets\\.get to " + Pattern.quote(host)
                + " got no answer \\(I/O error\\) on attempt (\\d+); retrying in (\\d+) ms call=spreadsheets\\.get host="
                + Pattern.quote(host) + " attempt=\\1 waitMs=\\2");
        List<String> lines = stderr.lines().toList();
        List<String> retries =
                lines.stream().filter(line -> line.startsWith("WARNING")).toList();
        assertRetriesNumberedFromOne(retries, retryLine, stderr);
        String failure = lines.get(lines.size() - 1);
        assertTrue(
                failure.startsWith("UNAVAILABLE: Could not reach Google Sheets at " + host
                        + " for the read of sheet 'Operaciones': " + (retries.size() + 1) + " attempts over "),
                failure);
        assertTrue(failure.contains(" got no answer (the last: "), failure);
        assertTrue(
                failure.contains(
                        "), and the next retry would have passed the retry deadline of 2 s" + " (SHEETS_DEADLINE_MS)."),
                failure);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFunctionAnswers503NamingTheHostAndLogsEachRetryWithTheRequestsTrace() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        FunctionServer.Response response;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Map<String, String> settings = new java.util.HashMap<>(QUICK);
            settings.putAll(Map.of(
                    "SHEETS_EMULATOR_HOST",
                    host,
                    "SPREADSHEET_ID",
                    "demo",
                    "K_SERVICE",
                    "extendschema",
                    "GOOGLE_CLOUD_PROJECT",
                    "tracker-prod",
                    FakeRetryClock.PROPERTY,
                    FakeRetryClock.register(new FakeClock())));
            try (FunctionServer function = FunctionServer.start(FakeTimeFunction.class.getName(), settings)) {
                response = function.send(
                        "POST",
                        "",
                        "dryRun=true",
                        null,
                        null,
                        Map.of("X-Cloud-Trace-Context", "4bf92f3577b34da6a3ce929d0e0e4736/1;o=1"));
            }
        } finally {
            System.setOut(original);
        }

        assertEquals(503, response.status(), response.body());
        assertEquals("60", response.header("Retry-After"));
        String message = response.json().getAsJsonObject("error").get("message").getAsString();
        assertEquals("UNAVAILABLE", response.errorStatus());
        assertTrue(message.startsWith("Could not reach Google Sheets at " + host + " for the read of sheet"), message);
        List<JsonObject> retries = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"waitMs\"")) {
                retries.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        assertTrue(message.contains(": " + (retries.size() + 1) + " attempts over "), message + " / " + retries);
        assertTrue(!retries.isEmpty(), captured::toString);
        for (int i = 0; i < retries.size(); i++) {
            JsonObject retry = retries.get(i);
            assertEquals("WARNING", retry.get("severity").getAsString());
            assertEquals(i + 1, retry.get("attempt").getAsInt());
            assertEquals(host, retry.get("host").getAsString());
            assertEquals(
                    "projects/tracker-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                    retry.get("logging.googleapis.com/trace").getAsString());
            assertEquals(
                    "Sheets spreadsheets.get to " + host + " got no answer (I/O error) on attempt " + (i + 1)
                            + "; retrying in " + retry.get("waitMs").getAsLong() + " ms",
                    retry.get("message").getAsString());
        }
    }

    @Test
    void theCliFailsAtOnceWhenNothingListensAtALocalEmulatorAddressAndSaysHowToStartIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // The default deadline (120 s): only the refusal itself may end the run, not the retries running out.
        int exit = Cli.run(
                new String[] {"--emulator", closedHost, "--dry-run"},
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.FAILED, exit, stderr);
        assertEquals(
                List.of(),
                stderr.lines().filter(line -> line.startsWith("WARNING")).toList(),
                "no retry");
        assertEquals(
                "UNAVAILABLE: Could not reach the Sheets emulator at " + closedHost + " (SHEETS_EMULATOR_HOST, or"
                        + " --emulator) for the read of sheet 'Operaciones': the connection was refused, nothing"
                        + " listens there, so it was not retried. Start the emulator: mvn -ntp -q -f"
                        + " sheets-emulator/pom.xml compile exec:java -Dexec.args=\"--port "
                        + closedHost.substring(closedHost.indexOf(':') + 1) + "\" (README, Sheets emulator), or point"
                        + " SHEETS_EMULATOR_HOST (--emulator) at the one that runs; then run again.",
                stderr.strip());
    }

    @Test
    void theFunctionAnswersAtOnceWhenNothingListensAtALocalEmulatorAddress() {
        FunctionServer.Response response;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (FunctionServer function =
                    FunctionServer.start(Map.of("SHEETS_EMULATOR_HOST", closedHost, "SPREADSHEET_ID", "demo"))) {
                response = function.post("dryRun=true");
            }
        } finally {
            System.setOut(original);
        }

        assertEquals(503, response.status(), response.body());
        String message = response.json().getAsJsonObject("error").get("message").getAsString();
        assertTrue(
                message.startsWith("Could not reach the Sheets emulator at " + closedHost + " (SHEETS_EMULATOR_HOST,"
                        + " or --emulator) for the read of sheet 'Operaciones': the connection was refused"),
                message);
        assertTrue(message.contains("Start the emulator: mvn -ntp -q -f sheets-emulator/pom.xml"), message);
        assertFalse(message.contains("finishes the job"), message);
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("retrying in"), captured::toString);
    }

    private static void assertRetriesNumberedFromOne(List<String> retries, Pattern retryLine, String all) {
        assertTrue(!retries.isEmpty(), all);
        for (int i = 0; i < retries.size(); i++) {
            Matcher matcher = retryLine.matcher(retries.get(i));
            assertTrue(matcher.matches(), retries.get(i));
            assertEquals(i + 1, Integer.parseInt(matcher.group(1)), all);
        }
    }
}
