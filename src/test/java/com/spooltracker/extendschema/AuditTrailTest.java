package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.AUDIT;
import static com.spooltracker.extendschema.testing.Dumps.AUDIT_HEADER;
import static com.spooltracker.extendschema.testing.Dumps.auditRows;
import static com.spooltracker.extendschema.testing.Dumps.hasSheet;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the runs that write leave their trace: a sheet of the function's own, created on first use, and
 * never the tracker's {@code Metadata}, whose every row the tracker parses as one of its events.
 */
class AuditTrailTest {
    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.demo();

    @Test
    void aMigrationAndRefreshesThatWriteLeaveNoRowInMetadataAndOneRowEachInTheAuditSheet() {
        JsonObject before = fixture.emulator().dump("demo");
        List<String> outcomes = new ArrayList<>();

        outcomes.add(refresh()); // migrates and fills: two steps that write
        for (int round = 0; round < 3; round++) {
            fixture.emulator().setValues("demo", "Operaciones!BP2", List.of(List.of(900 + round)), false);
            outcomes.add(refresh());
        }
        outcomes.add(refresh()); // nothing to write: no row

        assertEquals(
                List.of(
                        "APPLIED APPLIED",
                        "UP_TO_DATE APPLIED",
                        "UP_TO_DATE APPLIED",
                        "UP_TO_DATE APPLIED",
                        "UP_TO_DATE UP_TO_DATE"),
                outcomes);
        JsonObject after = fixture.emulator().dump("demo");
        JsonObject metadata = sheet(after, "Metadata");
        assertEquals(
                sheet(Dumps.withoutNUnion(before), "Metadata"),
                sheet(Dumps.withoutNUnion(after), "Metadata"),
                "the tracker parses every row of Metadata");
        assertEquals(
                List.of(),
                LegacyAuditRows.find(column(metadata, "Evento_Tipo"), column(metadata, "Worker_Nombre")),
                "no row of ours in Metadata");
        List<String> events = new ArrayList<>();
        for (JsonElement row : auditRows(after)) {
            events.add(row.getAsJsonArray().get(1).getAsString());
        }
        assertEquals(
                List.of("SCHEMA_MIGRATION", "METRICS_REFRESH", "METRICS_REFRESH", "METRICS_REFRESH", "METRICS_REFRESH"),
                events,
                "one row per step that wrote, in order");
    }

    @Test
    void twoRunsThatWriteCreateTheAuditSheetOnceWithItsHeader() {
        Response first = fixture.function().post("");
        int firstWrites = fixture.emulator().counters().writes();
        fixture.emulator().setValues("demo", "Operaciones!BP2", List.of(List.of(900)), false);
        fixture.emulator().resetCounters();

        Response second = fixture.function().post("refreshMetrics=true");

        assertEquals("WRITTEN", audit(first).get("outcome").getAsString(), first::toString);
        assertTrue(audit(first).get("message").getAsString().contains("was created"), first::toString);
        JsonObject secondAudit = second.json().getAsJsonObject("metrics").getAsJsonObject("audit");
        assertEquals("WRITTEN", secondAudit.get("outcome").getAsString(), second::toString);
        assertFalse(secondAudit.get("message").getAsString().contains("created"), second::toString);
        assertEquals(5, firstWrites, "grid+formats, values, the refused append, the sheet, the append");
        assertTrue(
                fixture.emulator().requestLog().stream().noneMatch(r -> r.status() >= 400),
                () -> "the second run sends no refused append and no second creation: "
                        + fixture.emulator().requestLog());
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(1, sheetsTitled(after, AUDIT));
        assertEquals(AUDIT_HEADER, header(sheet(after, AUDIT)));
        assertEquals(2, auditRows(after).size());
    }

    @Test
    void anAuditSheetAnotherRunCreatesMeanwhileIsAppendedToAndNotMadeTwice() {
        AtomicBoolean appendRefused = new AtomicBoolean();
        AtomicBoolean createdByOther = new AtomicBoolean();
        fixture.emulator().onCall(call -> {
            if (call.endpoint().equals("values.append")) {
                appendRefused.set(true);
            } else if (call.endpoint().equals("spreadsheets.batchUpdate")
                    && appendRefused.get()
                    && createdByOther.compareAndSet(false, true)) {
                // Another instance's creation lands between this run's refused append and its own.
                fixture.emulator()
                        .edit(
                                "demo",
                                "[{\"addSheet\": {\"properties\": {\"sheetId\": " + AuditLog.sheetIdOf(AUDIT)
                                        + ", \"title\": \"" + AUDIT + "\", \"gridProperties\": {\"rowCount\": 1,"
                                        + " \"columnCount\": 5}}}}, {\"updateCells\": {\"start\": {\"sheetId\": "
                                        + AuditLog.sheetIdOf(AUDIT) + "}, \"fields\": \"userEnteredValue\","
                                        + " \"rows\": [{\"values\": [" + headerCells() + "]}]}}]");
            }
        });

        Response response;
        try {
            response = fixture.function().post("");
        } finally {
            fixture.emulator().onCall(null);
        }

        assertTrue(createdByOther.get(), "the other creation happened");
        assertEquals(200, response.status(), response::toString);
        assertEquals("WRITTEN", audit(response).get("outcome").getAsString(), response::toString);
        assertFalse(response.json().has("warning"), response::toString);
        JsonObject after = fixture.emulator().dump("demo");
        assertEquals(1, sheetsTitled(after, AUDIT));
        assertEquals(AUDIT_HEADER, header(sheet(after, AUDIT)));
        assertEquals(1, auditRows(after).size());
    }

    @Test
    void aSheetOfAnotherTitleHoldingTheAuditSheetsIdFailsTheAuditRowNotTheRun() {
        JsonObject dump = fixture.emulator().dump("demo");
        JsonObject squatter = new JsonObject();
        squatter.addProperty("title", "Otra");
        squatter.addProperty("sheetId", AuditLog.sheetIdOf(AUDIT));
        squatter.addProperty("rowCount", 1);
        squatter.addProperty("columnCount", 1);
        dump.getAsJsonArray("sheets").add(squatter);
        fixture.emulator().seed(dump);

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals("APPLIED", response.json().get("status").getAsString());
        assertEquals("FAILED", audit(response).get("outcome").getAsString(), response::toString);
        assertTrue(response.json().get("warning").getAsString().contains("still not found"), response::toString);
        assertFalse(hasSheet(fixture.emulator().dump("demo"), AUDIT));
    }

    @Test
    void withAuditingOffNoSheetIsCreated() {
        Response response = fixture.functionWith(Map.of("AUDIT_SHEET", "")).post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertEquals("SKIPPED", audit(response).get("outcome").getAsString(), response::toString);
        assertFalse(hasSheet(fixture.emulator().dump("demo"), AUDIT));
    }

    /** The migration step's status, then the refresh's, of a POST that refreshes the metrics. */
    private static String refresh() {
        Response response = fixture.function().post("refreshMetrics=true");
        assertEquals(200, response.status(), response::toString);
        return response.json().get("migrationStatus").getAsString() + " "
                + response.json().getAsJsonObject("metrics").get("status").getAsString();
    }

    private static JsonObject audit(Response response) {
        return response.json().getAsJsonObject("audit");
    }

    private static long sheetsTitled(JsonObject dump, String title) {
        return dump.getAsJsonArray("sheets").asList().stream()
                .filter(s -> s.getAsJsonObject().get("title").getAsString().equalsIgnoreCase(title))
                .count();
    }

    /** A column's cells below the header, by header, as a values read gives them. */
    private static List<Object> column(JsonObject sheet, String header) {
        int index = header(sheet).indexOf(header);
        assertTrue(index >= 0, header);
        List<Object> cells = new ArrayList<>();
        JsonArray rows = rows(sheet);
        for (int r = 1; r < rows.size(); r++) {
            JsonArray row = rows.get(r).getAsJsonArray();
            JsonElement cell = index < row.size() ? row.get(index) : null;
            cells.add(cell == null || cell.isJsonNull() ? null : cell.getAsString());
        }
        return cells;
    }

    private static String headerCells() {
        List<String> cells = new ArrayList<>();
        for (String name : AUDIT_HEADER) {
            cells.add("{\"userEnteredValue\": {\"stringValue\": \"" + name + "\"}}");
        }
        return String.join(", ", cells);
    }
}
