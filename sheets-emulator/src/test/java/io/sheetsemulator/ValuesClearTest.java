package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.model.BatchClearValuesRequest;
import com.google.api.services.sheets.v4.model.BatchClearValuesResponse;
import com.google.api.services.sheets.v4.model.ClearValuesRequest;
import com.google.api.services.sheets.v4.model.ClearValuesResponse;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesClearTest extends EmulatorFixture {

    @Test
    void clearOfAWholeSheetRemovesValuesKeepsFormatsAndNamesTheGrid() throws Exception {
        seedSmall();
        ClearValuesResponse response = sheets.spreadsheets()
                .values()
                .clear("s1", "Sheet1", new ClearValuesRequest())
                .execute();
        assertEquals("s1", response.getSpreadsheetId());
        assertEquals("Sheet1!A1:Z1000", response.getClearedRange());
        JsonObject sheet = emu.dump("s1").getAsJsonArray("sheets").get(0).getAsJsonObject();
        assertEquals(0, sheet.getAsJsonArray("rows").size());
        assertEquals(
                "D2:D3",
                sheet.getAsJsonArray("formats")
                        .get(0)
                        .getAsJsonObject()
                        .get("range")
                        .getAsString());
        assertEquals(1, emu.counters().calls("values.clear"));
    }

    @Test
    void batchClearClearsEachRangeAndEchoesThemCanonically() throws Exception {
        seedSmall();
        BatchClearValuesResponse response = sheets.spreadsheets()
                .values()
                .batchClear(
                        "s1",
                        new BatchClearValuesRequest()
                                .setRanges(List.of("'Sheet1'!A1:B1", "sheet1!b2:c3", "'My Sheet'!A:A")))
                .execute();
        assertEquals(List.of("Sheet1!A1:B1", "Sheet1!B2:C3", "'My Sheet'!A1:A10"), response.getClearedRanges());
        assertEquals(
                List.of(List.of("", "", "ok", "when"), List.of("bolt", "", "", "15/03/2023"), List.of("nut")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!A1:D3")
                        .execute()
                        .getValues());
        assertEquals(
                List.of(List.of("", "b")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "'My Sheet'!A1:B2")
                        .execute()
                        .getValues());
    }

    @Test
    void batchClearWithOneBadRangeClearsNothing() {
        seedSmall();
        JsonObject before = emu.dump("s1");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Unable to parse range: Nope!A1",
                () -> sheets.spreadsheets()
                        .values()
                        .batchClear("s1", new BatchClearValuesRequest().setRanges(List.of("Sheet1!A1", "Nope!A1")))
                        .execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Range ('My Sheet'!A11:B) exceeds grid limits. Max rows: 10, max columns: 5",
                () -> sheets.spreadsheets()
                        .values()
                        .clear("s1", "'My Sheet'!A11:B", new ClearValuesRequest())
                        .execute());
        assertEquals(before, emu.dump("s1"));
    }
}
