package com.spooltracker.extendschema.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code curl ...?dryRun=true} prints for the largest sheet: a summary a terminal can show. */
class LargeDryRunTest {
    private static final int ROWS = 138_000;

    @Test
    void aDryRunOf138000RowsAnswersASummaryUnder16KiBAndTheBodiesOnlyWhenAsked() {
        try (SheetsEmulator emulator = SheetsEmulator.start();
                FunctionServer function = FunctionServer.start(emulator.hostPort(), BenchSheet.ID)) {
            emulator.seed(BenchSheet.seed(ROWS, BenchSheet.State.FRESH));
            ColumnMapCache.shared().invalidateAll();

            Response summary = function.post("dryRun=true");
            Response full = function.post("dryRun=true&showRequests=true");

            assertEquals(200, summary.status(), summary::toString);
            int bytes = summary.body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf(
                    "dry run of %,d rows: %,d bytes answered; with showRequests %,d bytes%n",
                    ROWS, bytes, full.body().getBytes(StandardCharsets.UTF_8).length);
            assertTrue(bytes < 16 * 1024, "the default answer is " + bytes + " bytes");
            assertTrue(summary.body().endsWith("}\n"), "a terminal prompt starts on its own line");
            JsonArray requests = summary.json().getAsJsonArray("requests");
            assertEquals(2, requests.size(), requests::toString);
            long cells = 0;
            for (var request : requests) {
                JsonObject entry = request.getAsJsonObject();
                assertTrue(!entry.has("body") && entry.get("bytes").getAsInt() > 0, entry::toString);
                cells += entry.get("method").getAsString().equals("values.batchUpdate")
                        ? entry.get("cells").getAsLong()
                        : 0;
            }
            assertEquals(5L * ROWS + 5, cells, "every data row's five defaults and the five headers");
            assertEquals(200, full.status());
            assertTrue(full.json()
                    .getAsJsonArray("requests")
                    .get(1)
                    .getAsJsonObject()
                    .has("body"));
            assertTrue(full.body().length() > 1_000_000, "the full bodies are megabytes");
        }
    }
}
