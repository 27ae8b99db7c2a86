package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.schema.ColumnLetters;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A dry run with showRequests lists the metrics write too, not only the migration's requests: as many
 * requests as the apply then sends, writing the values the apply then writes.
 */
class RefreshRequestsShownTest {
    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    private static final Pattern COLUMN = Pattern.compile("'Operaciones'!([A-Z]+) ");
    private static final Pattern A1 = Pattern.compile("([A-Z]+)([0-9]+)");

    @Test
    void aDryRunWithShowRequestsListsTheMetricsWriteBodiesThatTheApplyThenSends() {
        assertEquals(200, fixture.function().post("").status(), "the migration first");
        fixture.emulator().resetCounters();

        Response dry = fixture.function().post("dryRun=true&showRequests=true&refreshMetrics=true");

        assertEquals(200, dry.status(), dry.body());
        JsonObject metrics = dry.json().getAsJsonObject("metrics");
        assertEquals("DRY_RUN", metrics.get("status").getAsString());
        JsonArray requests = metrics.getAsJsonArray("requests");
        assertFalse(requests.isEmpty(), metrics::toString);
        Map<String, BigDecimal> shown = new LinkedHashMap<>();
        for (JsonElement element : requests) {
            JsonObject request = element.getAsJsonObject();
            assertEquals("values.batchUpdateByDataFilter", request.get("method").getAsString());
            JsonObject body = request.getAsJsonObject("body");
            assertEquals("RAW", body.get("valueInputOption").getAsString());
            JsonArray data = body.getAsJsonArray("data");
            JsonArray changes = request.getAsJsonArray("changes");
            assertEquals(data.size(), changes.size(), request::toString);
            for (int i = 0; i < data.size(); i++) {
                JsonObject range = data.get(i).getAsJsonObject();
                assertTrue(
                        range.getAsJsonObject("dataFilter")
                                .getAsJsonObject("developerMetadataLookup")
                                .has("metadataId"),
                        range::toString);
                Matcher letter = COLUMN.matcher(changes.get(i).getAsString());
                assertTrue(letter.find(), changes::toString);
                JsonArray values = range.getAsJsonArray("values").get(0).getAsJsonArray();
                for (int row = 0; row < values.size(); row++) {
                    if (!values.get(row).isJsonNull()) {
                        shown.put(letter.group(1) + (row + 1), values.get(row).getAsBigDecimal());
                    }
                }
            }
        }
        assertEquals(metrics.get("cellsToChange").getAsInt(), shown.size());
        assertEquals(0, fixture.emulator().counters().writes(), "a dry run writes nothing");
        fixture.emulator().resetCounters();

        Response applied = fixture.function().post("refreshMetrics=true");

        assertEquals(200, applied.status(), applied.body());
        assertEquals(
                requests.size(),
                fixture.emulator().requestLog().stream()
                        .filter(r -> r.endpoint().equals("values.batchUpdateByDataFilter"))
                        .count());
        assertEquals(
                shown.size(),
                applied.json().getAsJsonObject("metrics").get("cellsChanged").getAsInt());
        JsonObject operaciones = Dumps.sheet(fixture.emulator().dump("demo"), "Operaciones");
        shown.forEach((a1, value) -> {
            Matcher cell = A1.matcher(a1);
            assertTrue(cell.matches(), a1);
            JsonElement written =
                    Dumps.cell(operaciones, Integer.parseInt(cell.group(2)) - 1, ColumnLetters.indexOf(cell.group(1)));
            assertEquals(
                    0, value.compareTo(written.getAsBigDecimal()), a1 + ": shown " + value + ", written " + written);
        });
    }

    @Test
    void withoutShowRequestsTheMetricsWritesAreSummarizedWithoutBodies() {
        Response dry = fixture.function().post("dryRun=true&refreshMetrics=true");

        assertEquals(200, dry.status(), dry.body());
        JsonArray requests = dry.json().getAsJsonObject("metrics").getAsJsonArray("requests");
        assertFalse(requests.isEmpty());
        for (JsonElement request : requests) {
            assertFalse(request.getAsJsonObject().has("body"), request::toString);
        }
    }
}
