package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.control.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One status per call, over its steps, and every warning in the answer: the HTTP answer and the CLI's
 * JSON report are one model, and the CLI's first line says the same status.
 */
class CallReportTest {
    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    @Test
    void aDryRunOfTheRefreshOnAMigratedSheetIsADryRunWhenTheMetricsWouldBeWritten() {
        fixture.function().post("");

        Response dryRun = fixture.function().post("dryRun=true&refreshMetrics=true");

        JsonObject json = dryRun.json();
        assertEquals("UP_TO_DATE", json.get("migrationStatus").getAsString(), dryRun::toString);
        assertEquals("DRY_RUN", json.getAsJsonObject("metrics").get("status").getAsString());
        assertTrue(json.getAsJsonObject("metrics").get("cellsToChange").getAsInt() > 0);
        assertEquals("DRY_RUN", json.get("status").getAsString(), "the call's one status covers the refresh");
    }

    @Test
    void aRefreshThatWritesOnAMigratedSheetIsApplied() {
        fixture.function().post("");

        Response refreshed = fixture.function().post("refreshMetrics=true");

        assertEquals("UP_TO_DATE", refreshed.json().get("migrationStatus").getAsString());
        assertEquals("APPLIED", refreshed.json().get("status").getAsString(), refreshed::toString);
        Response again = fixture.function().post("refreshMetrics=true");
        assertEquals("UP_TO_DATE", again.json().get("status").getAsString(), again::toString);
    }

    @Test
    void aFailedAuditOfTheRefreshIsAWarningInTheAnswer() {
        fixture.function().post("");
        fixture.emulator().addFault(FaultRule.on("values.append").times(0).status(400));

        Response refreshed = fixture.function().post("refreshMetrics=true");

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals(
                "FAILED",
                refreshed
                        .json()
                        .getAsJsonObject("metrics")
                        .getAsJsonObject("audit")
                        .get("outcome")
                        .getAsString());
        assertEquals(1, refreshed.json().getAsJsonArray("warnings").size(), refreshed::toString);
        assertTrue(
                refreshed.json().getAsJsonArray("warnings").get(0).getAsString().contains("audit row"),
                refreshed::toString);
    }

    @Test
    void theCliSaysTheSameStatusAsTheAnswerInItsJsonAndOnItsFirstLine() {
        fixture.function().post("");
        JsonObject http =
                fixture.function().post("dryRun=true&refreshMetrics=true").json();

        String json = cli("--dry-run", "--refresh-metrics", "--json");
        String text = cli("--dry-run", "--refresh-metrics");

        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        for (String field : new String[] {"status", "migrationStatus", "message", "sheet", "spreadsheetId"}) {
            assertEquals(http.get(field), report.get(field), field);
        }
        assertEquals(http.getAsJsonObject("apiCalls"), report.getAsJsonObject("apiCalls"));
        assertEquals(
                http.getAsJsonObject("metrics").get("cellsToChange"),
                report.getAsJsonObject("metrics").get("cellsToChange"));
        assertTrue(text.startsWith("DRY_RUN  spreadsheet demo, sheet 'Operaciones'"), text);
        assertTrue(text.contains("  migration UP_TO_DATE: "), text);
    }

    @Test
    void aRefusedCallSaysTheSameErrorInTheAnswerAndTheClisJson() {
        JsonObject seeded = fixture.emulator().dump("demo");
        com.spooltracker.extendschema.testing.Dumps.rows(
                        com.spooltracker.extendschema.testing.Dumps.sheet(seeded, "Metadata"))
                .get(0)
                .getAsJsonArray()
                .set(3, new com.google.gson.JsonPrimitive("Evento_Tipo"));
        fixture.emulator().seed(seeded);

        Response http = fixture.function().post("dryRun=true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(
                new String[] {"--dry-run", "--json"},
                Map.of("SHEETS_EMULATOR_HOST", fixture.emulator().hostPort(), "SPREADSHEET_ID", "demo"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(409, http.status(), http::toString);
        assertEquals(Cli.CONFLICT, exit);
        JsonObject cliError = JsonParser.parseString(out.toString(StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonObject("error");
        JsonObject httpError = http.json().getAsJsonObject("error");
        assertEquals(httpError.get("status"), cliError.get("status"));
        assertEquals(httpError.get("message"), cliError.get("message"));
        assertTrue(httpError.get("message").getAsString().contains("lacks TAG_SPOOL"), http::toString);
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(
                args,
                Map.of("SHEETS_EMULATOR_HOST", fixture.emulator().hostPort(), "SPREADSHEET_ID", "demo"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, exit, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
