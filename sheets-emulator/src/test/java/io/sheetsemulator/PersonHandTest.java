package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sheetsemulator.control.CallInfo;
import io.sheetsemulator.control.CellWrite;
import io.sheetsemulator.control.FaultRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person's hand on the sheet while a client runs: edit, setValues, the call hook and cell-write reports. */
class PersonHandTest extends EmulatorFixture {

    private static void seedData() {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[
          {"title":"Data","sheetId":0,"rowCount":10,"columnCount":5,"rows":[["key","v"],["a",1],["b",2]]}]}
        """);
    }

    @AfterEach
    void removeHooks() {
        emu.onCall(null);
        emu.onCellWrite(null);
    }

    private static List<List<Object>> get(String range) throws Exception {
        return sheets.spreadsheets().values().get("s1", range).execute().getValues();
    }

    private static void put(String range, List<List<Object>> values) throws Exception {
        sheets.spreadsheets()
                .values()
                .update("s1", range, new ValueRange().setValues(values))
                .setValueInputOption("USER_ENTERED")
                .execute();
    }

    @Test
    void anEditFromTheCallHookLandsBetweenTwoCallsOfTheClient() throws Exception {
        seedData();
        List<CallInfo> calls = Collections.synchronizedList(new ArrayList<>());
        emu.onCall(call -> {
            calls.add(call);
            if (call.sequence() == calls.get(0).sequence() + 1) {
                emu.edit("s1", """
                    [{"insertDimension":{"range":{"sheetId":0,"dimension":"ROWS","startIndex":1,"endIndex":2}}}]
                    """);
            }
        });

        assertEquals(List.of(List.of("a", "1")), get("Data!A2:B2"));
        assertEquals(List.of(List.of("a", "1")), get("Data!A3:B3"));

        assertEquals(2, calls.size());
        assertEquals(new CallInfo("values.get", "s1", calls.get(0).sequence() + 1), calls.get(1));
        // The edit is not an API call.
        assertEquals(2, emu.counters().calls());
        assertEquals(
                11,
                emu.dump("s1")
                        .getAsJsonArray("sheets")
                        .get(0)
                        .getAsJsonObject()
                        .get("rowCount")
                        .getAsInt());
    }

    @Test
    void theHookRunsBeforeFaultsSoAnEditLandsEvenWhenTheCallFails() throws Exception {
        seedData();
        emu.addFault(FaultRule.on("values.get").times(1).status(503));
        emu.onCall(call -> emu.setValues("s1", "Data!C1", List.of(List.of("seen")), false));
        assertThrows(Exception.class, () -> get("Data!A1"));
        assertEquals(
                "seen",
                emu.dump("s1")
                        .getAsJsonArray("sheets")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("rows")
                        .get(0)
                        .getAsJsonArray()
                        .get(2)
                        .getAsString());
    }

    @Test
    void aFailingHookIsLoggedAndTheCallIsServed() throws Exception {
        seedData();
        emu.onCall(call -> {
            throw new IllegalStateException("hook broke");
        });
        assertEquals(List.of(List.of("key")), get("Data!A1"));
    }

    @Test
    void aFailingCellWriteListenerIsLoggedAndTheWriteIsAnsweredAsUsual() throws Exception {
        seedData();
        emu.onCellWrite(write -> {
            throw new IllegalStateException("listener broke");
        });
        put("Data!B2", List.of(List.of("9")));
        assertEquals(List.of(List.of("9")), get("Data!B2"));
    }

    @Test
    void editReturnsTheRepliesAndRefusesAsTheApiWouldWithoutChangingAnything() {
        seedData();
        JsonObject before = emu.dump("s1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emu.edit("s1", """
                {"requests":[{"insertDimension":{"range":{"sheetId":0,"dimension":"ROWS","startIndex":0,"endIndex":1}}},
                             {"deleteDimension":{"range":{"sheetId":0,"dimension":"ROWS","startIndex":0,"endIndex":11}}}]}
                """));
        assertEquals(
                "Invalid requests[1].deleteDimension: You can't delete all the rows on the sheet.", e.getMessage());
        assertEquals(before, emu.dump("s1"));

        JsonArray replies = emu.edit("s1", """
                [{"addSheet":{"properties":{"title":"New","sheetId":5}}},
                 {"appendDimension":{"sheetId":0,"dimension":"ROWS","length":2}}]
                """);
        assertEquals(
                "New",
                replies.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("addSheet")
                        .getAsJsonObject("properties")
                        .get("title")
                        .getAsString());
        assertEquals(new JsonObject(), replies.get(1));
        assertEquals(0, emu.counters().calls());
    }

    @Test
    void setValuesTypesFormulasAndNumbersOrStoresRawAndSkipsNulls() {
        seedData();
        emu.setValues("s1", "Data!B2:C3", List.of(Arrays.asList(null, "=B3*10"), List.of("7", 8)), true);
        emu.setValues("s1", "Data!D1", List.of(List.of("=raw", "12")), false);
        assertEquals(
                JsonParser.parseString("""
                [["key","v",null,{"string":"=raw"},"12"],["a",1,"=B3*10"],["b",7,8]]"""),
                emu.dump("s1").getAsJsonArray("sheets").get(0).getAsJsonObject().get("rows"));
        assertThrows(IllegalArgumentException.class, () -> emu.setValues("s1", "Data!F1", List.of(List.of(1)), true));
        assertThrows(IllegalArgumentException.class, () -> emu.setValues("nope", "A1", List.of(List.of(1)), true));
        assertEquals(0, emu.counters().calls());
    }

    @Test
    void cellWritesReportEachEnteredValueAnApiRequestChanged() throws Exception {
        seedData();
        List<CellWrite> writes = Collections.synchronizedList(new ArrayList<>());
        emu.onCellWrite(writes::add);

        emu.setValues("s1", "Data!A5", List.of(List.of("by hand")), false);
        put("Data!A2:C2", List.of(List.of("a", "=1+1", "new")));
        assertThrows(Exception.class, () -> put("Data!F1", List.of(List.of("off the grid"))));

        assertEquals(
                List.of(
                        new CellWrite(
                                "s1",
                                "Data",
                                1,
                                1,
                                "values.update",
                                JsonParser.parseString("1"),
                                JsonParser.parseString("\"=1+1\"")),
                        new CellWrite("s1", "Data", 1, 2, "values.update", null, JsonParser.parseString("\"new\""))),
                writes);
    }

    @Test
    void cellWritesCoverBatchUpdatesButNotTheCellsARowInsertMoves() throws Exception {
        seedData();
        List<CellWrite> writes = Collections.synchronizedList(new ArrayList<>());
        emu.onCellWrite(writes::add);
        sheets.spreadsheets()
                .batchUpdate(
                        "s1",
                        new com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest()
                                .setRequests(List.of(new com.google.api.services.sheets.v4.model.Request()
                                        .setInsertDimension(
                                                new com.google.api.services.sheets.v4.model.InsertDimensionRequest()
                                                        .setRange(
                                                                new com.google.api.services.sheets.v4.model
                                                                                .DimensionRange()
                                                                        .setSheetId(0)
                                                                        .setDimension("ROWS")
                                                                        .setStartIndex(0)
                                                                        .setEndIndex(1))))))
                .execute();
        assertTrue(writes.isEmpty());
        sheets.spreadsheets()
                .values()
                .clear("s1", "Data!A2", new com.google.api.services.sheets.v4.model.ClearValuesRequest())
                .execute();
        assertEquals(
                List.of(new CellWrite("s1", "Data", 1, 0, "values.clear", JsonParser.parseString("\"key\""), null)),
                writes);
    }
}
