package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.FunctionServer;
import io.sheetsemulator.SheetsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** On Cloud Run the function logs one Cloud Logging JSON line per invocation, linked to the request's trace. */
class FunctionLogTest {
    @Test
    void eachInvocationLogsOneStructuredSummaryLineWithTheTrace() throws Exception {
        String log =
                logOf(Map.of("K_SERVICE", "extendschema", "GOOGLE_CLOUD_PROJECT", "tracker-prod"), (e, url, http) -> {
                    send(http, url + "?dryRun=true", "POST", "5bf92f3577b34da6a3ce929d0e0e4736/1;o=1");
                    send(http, url, "POST", "4bf92f3577b34da6a3ce929d0e0e4736/1;o=1");
                    send(http, url + "?dryRun=nope", "POST", "0af7651916cd43dd8448eb211c80319c/2;o=1");
                });

        List<JsonObject> entries = new ArrayList<>(entries(log).stream()
                .filter(e -> e.get("message").getAsString().contains("extendSchema "))
                .toList());
        assertEquals(3, entries.size(), log);

        JsonObject dryRun = entries.remove(0);
        assertEquals("DRY_RUN", dryRun.get("status").getAsString());
        assertEquals(5, dryRun.get("columnsToAdd").getAsInt(), "the line agrees with its message");
        assertEquals(1500, dryRun.get("cellsToInitialize").getAsInt());
        assertFalse(dryRun.has("columnsAdded"), "a dry run adds nothing");

        JsonObject summary = entries.get(0);
        assertEquals("INFO", summary.get("severity").getAsString());
        assertEquals(
                "projects/tracker-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                summary.get("logging.googleapis.com/trace").getAsString());
        assertEquals("APPLIED", summary.get("status").getAsString());
        assertEquals(5, summary.get("columnsAdded").getAsInt());
        assertEquals(1500, summary.get("cellsInitialized").getAsInt());
        assertEquals(
                3,
                summary.getAsJsonObject("apiCalls").get("reads").getAsInt(),
                "Operaciones, Metadata, Operaciones again");
        assertEquals(
                5,
                summary.getAsJsonObject("apiCalls").get("writes").getAsInt(),
                "grid+formats, values, and the audit on a demo without an audit sheet yet: the append refused "
                        + "for want of it, its creation, the append");
        assertTrue(summary.has("durationMs"));

        JsonObject rejected = entries.get(1);
        assertEquals("WARNING", rejected.get("severity").getAsString());
        assertEquals(400, rejected.get("httpStatus").getAsInt());
        assertEquals(
                "projects/tracker-prod/traces/0af7651916cd43dd8448eb211c80319c",
                rejected.get("logging.googleapis.com/trace").getAsString());

        assertFalse(log.contains("Bearer") || log.contains("ya29.") || log.contains("private_key"), log);
    }

    @Test
    void aFormulaARowMovePutUnderTheWriteIsAWarningLineNamingItsText() throws Exception {
        String log = logOf(Map.of("K_SERVICE", "extendschema"), (emulator, url, http) -> {
            send(http, url + "?refreshMetrics=true", "POST", "1bf92f3577b34da6a3ce929d0e0e4736/1;o=1");
            List<List<Object>> wrong = new ArrayList<>();
            for (int r = 0; r < 40; r++) {
                wrong.add(List.of(999, 999, 999, 999, 999));
            }
            emulator.setValues("demo", "Operaciones!BP2:BT41", wrong, false);
            emulator.setValues("demo", "Operaciones!BP20", List.of(List.of("=1+1")), true);
            AtomicBoolean inserted = new AtomicBoolean();
            emulator.onCall(call -> {
                if (call.endpoint().equals("values.batchUpdateByDataFilter") && inserted.compareAndSet(false, true)) {
                    emulator.edit(
                            "demo",
                            "[{\"insertDimension\": {\"range\": {\"sheetId\": 0, \"dimension\":"
                                    + " \"ROWS\", \"startIndex\": 10, \"endIndex\": 11}}}]");
                }
            });
            send(http, url + "?refreshMetrics=true", "POST", "2bf92f3577b34da6a3ce929d0e0e4736/1;o=1");
        });

        assertTrue(
                entries(log).stream()
                        .filter(e -> e.get("severity").getAsString().equals("WARNING"))
                        .map(e -> e.get("message").getAsString())
                        .anyMatch(m -> m.contains("=1+1") && m.contains("Operaciones!BP21")),
                log);
    }

    /** What a demo emulator and the function served against it log on stdout while {@code calls} runs. */
    private static String logOf(Map<String, String> settings, Calls calls) throws Exception {
        ColumnMapCache.shared().invalidateAll();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(DemoSpreadsheet.seed());
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Map<String, String> all = new HashMap<>(settings);
            all.put("SHEETS_EMULATOR_HOST", emulator.hostPort());
            all.put("SPREADSHEET_ID", "demo");
            try (FunctionServer function = FunctionServer.start(all)) {
                calls.run(emulator, function.url(), HttpClient.newHttpClient());
            }
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface Calls {
        void run(SheetsEmulator emulator, String url, HttpClient http) throws Exception;
    }

    /** The structured entries of a log that come from the function. */
    private static List<JsonObject> entries(String log) {
        List<JsonObject> entries = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{") && line.contains("\"severity\"")) {
                entries.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return entries;
    }

    private static void send(HttpClient http, String url, String method, String trace) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Cloud-Trace-Context", trace)
                        .header("Authorization", "Bearer ya29.must-not-be-logged")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(response.body().contains("ya29"), response.body());
    }
}
