package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs on a new instance (an empty column-map cache before each run, as most scheduled runs are):
 * on the tracker's own layout (the demo's) each is at the physical limit from the first; on any other
 * layout once a run that may write, and whose plan Google cannot refuse, has put layout marks on the
 * columns it found elsewhere: Google keeps them on their columns.
 */
class ColdLayoutReadTest {
    private static final String ID = "demo";
    private static final int OPERACIONES = 0;
    private static final int UNIONES = 1_204_557_871;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    @Test
    void onTheTrackersLayoutEveryColdRunIsAtTheLimitFromTheFirst() {
        // The read; Metadata's header (its migration is pending); the sheet sizes a growing grid needs.
        assertCost("dryRun=true", "DRY_RUN", 3, 0);
        Response applied = coldRun("");
        assertEquals("APPLIED", applied.json().get("status").getAsString(), applied::toString);
        assertEquals(
                1,
                fixture.emulator().counters().calls("spreadsheets.getByDataFilter"),
                "Operaciones read at once (Metadata's migration reads it and Operaciones again before writing)");
        assertCost("", "UP_TO_DATE", 1, 0);
        assertCost("dryRun=true", "UP_TO_DATE", 1, 0);
        coldRun("refreshMetrics=true");
        assertCost("refreshMetrics=true", "UP_TO_DATE", 2, 0); // Uniones, then Operaciones
        assertCost("refreshMetrics=true&dryRun=true", "UP_TO_DATE", 2, 0);
        assertEquals(0, layoutMarks(fixture.emulator().dump(ID)), "no column is where the tracker does not have it");
    }

    @Test
    void onAnotherLayoutTheFirstWritingRunMarksItsColumnsAndEveryColdRunAfterReadsOnce() {
        SheetsEmulator emulator = fixture.emulator();
        // TAG_SPOOL to A and OT to B, as an earlier demo had them; Uniones' TAG_SPOOL to D (OT, DN_UNION,
        // ARM_FECHA_FIN and SOL_FECHA_FIN then in B, E, H, K).
        emulator.edit(ID, move(OPERACIONES, 6, 0));
        emulator.edit(ID, move(OPERACIONES, 3, 1));
        emulator.edit(ID, move(UNIONES, 14, 3));

        Response first = coldRun("refreshMetrics=true");
        assertEquals("APPLIED", first.json().get("status").getAsString(), first::toString);
        assertEquals(0, layoutMarks(emulator.dump(ID)), "a run that grows the grid puts no mark before it");
        // Up to date: each sheet's read by the marks, then by its header; and the marks, in one update.
        assertCost("refreshMetrics=true", "UP_TO_DATE", 4, 1);
        assertEquals(
                5,
                layoutMarks(emulator.dump(ID)),
                "TAG_SPOOL and OT; DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN (Uniones' OT is where the tracker has it)");

        assertCost("", "UP_TO_DATE", 1, 0);
        assertCost("refreshMetrics=true", "UP_TO_DATE", 2, 0);
        assertCost("refreshMetrics=true&dryRun=true", "UP_TO_DATE", 2, 0);

        // A person moves the key and OT columns and a Uniones column: the marks go with them.
        emulator.edit(ID, move(OPERACIONES, 0, 20));
        emulator.edit(ID, move(OPERACIONES, 0, 30));
        emulator.edit(ID, move(UNIONES, 4, 15));
        assertCost("", "UP_TO_DATE", 1, 0);
        assertCost("refreshMetrics=true", "UP_TO_DATE", 2, 0);
    }

    @Test
    void aDryRunOnAnotherLayoutPutsNoMarkAndReadsByTheHeader() {
        SheetsEmulator emulator = fixture.emulator();
        emulator.edit(ID, move(OPERACIONES, 6, 0));
        JsonObject before = emulator.dump(ID);

        // The marks' read finds no key column where the tracker has it, then reads it by the header (and, as
        // on the tracker's layout, Metadata's header and the sheet sizes).
        assertCost("dryRun=true", "DRY_RUN", 4, 0);
        assertCost("dryRun=true", "DRY_RUN", 4, 0);

        assertEquals(before, emulator.dump(ID));
    }

    @Test
    void anUpToDateRunOnAnotherLayoutPaysOneMarkWriteOnce() {
        SheetsEmulator emulator = fixture.emulator();
        emulator.edit(ID, move(OPERACIONES, 6, 0));
        coldRun("");

        assertCost("", "UP_TO_DATE", 2, 1);
        assertEquals(1, layoutMarks(emulator.dump(ID)), "the key column's mark, on Operaciones only");
        assertCost("", "UP_TO_DATE", 1, 0);
        assertCost("", "UP_TO_DATE", 1, 0);
    }

    private static Response coldRun(String query) {
        ColumnMapCache.shared().invalidateAll();
        fixture.emulator().resetCounters();
        Response response = fixture.function().post(query);
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private static void assertCost(String query, String status, int reads, int writes) {
        Response response = coldRun(query);
        Counters counters = fixture.emulator().counters();
        String what = query + ": " + counters + " " + response.body();
        JsonObject report = response.json();
        String reported = report.has("metrics")
                ? report.getAsJsonObject("metrics").get("status").getAsString()
                : report.get("status").getAsString();
        assertEquals(status, reported, what);
        assertEquals(reads, counters.reads(), what);
        assertEquals(writes, counters.writes(), what);
        assertEquals(reads, report.getAsJsonObject("apiCalls").get("reads").getAsInt(), what);
    }

    /** The layout marks on the columns of every sheet of a dump. */
    private static int layoutMarks(JsonObject dump) {
        int count = 0;
        for (var sheet : dump.getAsJsonArray("sheets")) {
            JsonArray metadata = sheet.getAsJsonObject().getAsJsonArray("developerMetadata");
            for (int i = 0; metadata != null && i < metadata.size(); i++) {
                String key =
                        metadata.get(i).getAsJsonObject().get("metadataKey").getAsString();
                if (key.equals("extendSchema.layoutColumn") || key.equals("extendSchema.unionesColumn")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Google's MoveDimensionRequest: one column to before {@code destination}, counted before the move. */
    private static JsonArray move(int sheetId, int from, int destination) {
        JsonObject range = new JsonObject();
        range.addProperty("sheetId", sheetId);
        range.addProperty("dimension", "COLUMNS");
        range.addProperty("startIndex", from);
        range.addProperty("endIndex", from + 1);
        JsonObject move = new JsonObject();
        move.add("source", range);
        move.addProperty("destinationIndex", destination);
        JsonObject request = new JsonObject();
        request.add("moveDimension", move);
        JsonArray requests = new JsonArray();
        requests.add(request);
        return requests;
    }
}
