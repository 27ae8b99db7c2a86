package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The answer (HTTP), the CLI's JSON report and the function's log record say the same thing about a
 * call, field by field, for a migration, a refresh, a dry run and a failure: each shell renders one model.
 */
class OutputAgreementTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final FunctionFixture fixture =
            FunctionFixture.spreadsheet("demo").serving(CredentialedFunction.class.getName());

    enum Call {
        MIGRATION("", List.of(), sheet -> {}),
        REFRESH("refreshMetrics=true", List.of("--refresh-metrics"), sheet -> {}),
        DRY_RUN("dryRun=true&refreshMetrics=true", List.of("--dry-run", "--refresh-metrics"), sheet -> {}),
        FAILURE("", List.of(), OutputAgreementTest::withoutKeyColumn);

        final String query;
        final List<String> args;
        final Consumer<JsonObject> seedChange;

        Call(String query, List<String> args, Consumer<JsonObject> seedChange) {
            this.query = query;
            this.args = args;
            this.seedChange = seedChange;
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void theAnswerTheClisJsonAndTheLogAgree(Call call) {
        freshDemo(call);
        int logged = CredentialedFunction.logLines().size();
        Response http = fixture.function().post(call.query);
        List<String> log = CredentialedFunction.logLines()
                .subList(logged, CredentialedFunction.logLines().size());
        freshDemo(call);
        JsonObject cli = cli(call.args);

        JsonObject answer = http.json();
        if (call == Call.FAILURE) {
            assertEquals(409, http.status(), http::toString);
            JsonObject error = answer.getAsJsonObject("error");
            assertEquals(error, cli.getAsJsonObject("error"));
            JsonObject record =
                    record(log, "extendSchema " + error.get("status").getAsString());
            assertEquals(
                    "extendSchema " + error.get("status").getAsString() + ": "
                            + error.get("message").getAsString(),
                    record.get("message").getAsString());
            assertEquals(409, record.get("httpStatus").getAsInt());
            return;
        }
        assertEquals(200, http.status(), http::toString);
        for (String field : List.of("status", "migrationStatus", "message", "sheet", "spreadsheetId", "apiCalls")) {
            assertEquals(answer.get(field), cli.get(field), field);
        }
        if (answer.has("metrics")) {
            for (String field : List.of("status", "message", "apiCalls", "rowsChecked")) {
                assertEquals(
                        answer.getAsJsonObject("metrics").get(field),
                        cli.getAsJsonObject("metrics").get(field));
            }
        }
        JsonObject record = record(log, "extendSchema " + answer.get("status").getAsString() + ":");
        assertEquals(CallReport.logMessage(answer), record.get("message").getAsString());
        assertEquals(answer.get("status"), record.get("status"));
        assertEquals(answer.get("migrationStatus"), record.get("migrationStatus"));
        assertEquals(answer.get("apiCalls"), record.get("apiCalls"));
        assertEquals(answer.get("durationMs"), record.get("durationMs"));
        if (answer.has("metrics")) {
            assertEquals(answer.getAsJsonObject("metrics").get("status"), record.get("metricsStatus"));
        }
    }

    private static void freshDemo(Call call) {
        JsonObject seed = DemoSpreadsheet.seed();
        call.seedChange.accept(seed);
        fixture.emulator().reset();
        fixture.emulator().seed(seed);
        ColumnMapCache.shared().invalidateAll();
    }

    /** The demo with its key column's header blanked: the migration refuses it (409). */
    private static void withoutKeyColumn(JsonObject seed) {
        for (JsonElement sheet : seed.getAsJsonArray("sheets")) {
            JsonObject s = sheet.getAsJsonObject();
            if (s.get("title").getAsString().equals("Operaciones")) {
                var header = s.getAsJsonArray("rows").get(0).getAsJsonArray();
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).isJsonPrimitive()
                            && header.get(c).getAsString().equals("TAG_SPOOL")) {
                        header.set(c, new com.google.gson.JsonPrimitive(""));
                    }
                }
            }
        }
    }

    private static JsonObject record(List<String> log, String prefix) {
        return log.stream()
                .map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(e -> e.has("message") && e.get("message").getAsString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log record starting '" + prefix + "' in " + log));
    }

    private static JsonObject cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.size() + 1];
        for (int i = 0; i < args.size(); i++) {
            all[i] = args.get(i);
        }
        all[args.size()] = "--json";
        Cli.run(
                all,
                Map.of("SHEETS_EMULATOR_HOST", fixture.emulator().hostPort(), "SPREADSHEET_ID", "demo"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(text.startsWith("{"), text);
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
