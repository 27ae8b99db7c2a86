package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesResponse;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesWriteTest extends EmulatorFixture {

    private static ValueRange values(String range, List<?>... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (List<?> row : rows) {
            list.add(new ArrayList<>(row));
        }
        return new ValueRange().setRange(range).setValues(list);
    }

    private static List<List<Object>> read(String range, String render) throws Exception {
        return sheets.spreadsheets()
                .values()
                .get("s1", range)
                .setValueRenderOption(render)
                .execute()
                .getValues();
    }

    @Test
    void batchUpdateWritesEveryRangeAndReportsTotalsInOrder() throws Exception {
        seedSmall();
        BatchUpdateValuesResponse response = sheets.spreadsheets()
                .values()
                .batchUpdate(
                        "s1",
                        new BatchUpdateValuesRequest()
                                .setValueInputOption("RAW")
                                .setData(List.of(
                                        values("Sheet1!F1:G2", List.of("x", "y"), List.of("z")),
                                        values("'My Sheet'!C1", List.of(1, 2)))))
                .execute();
        assertEquals("s1", response.getSpreadsheetId());
        assertEquals(3, response.getTotalUpdatedRows());
        // Google reports the widest response's columns here, not the sum.
        assertEquals(2, response.getTotalUpdatedColumns());
        assertEquals(5, response.getTotalUpdatedCells());
        assertEquals(2, response.getTotalUpdatedSheets());
        assertEquals("Sheet1!F1:G2", response.getResponses().get(0).getUpdatedRange());
        assertEquals(3, response.getResponses().get(0).getUpdatedCells());
        assertEquals("'My Sheet'!C1:D1", response.getResponses().get(1).getUpdatedRange());
        assertEquals(List.of(List.of("a", "b", "1", "2")), read("'My Sheet'!A1:D1", "FORMATTED_VALUE"));
    }

    @Test
    void rawStoresStringsAsTypedWhileUserEnteredParsesThem() throws Exception {
        seedSmall();
        List<String> typed = List.of("12", "-3.5", "true", "=A1", "2024-02-29", "1,234.5", "'007", "hello");
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!A10", values(null, typed))
                .setValueInputOption("RAW")
                .execute();
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!A11", values(null, typed))
                .setValueInputOption("USER_ENTERED")
                .execute();
        assertEquals(List.of(typed), read("Sheet1!A10:H10", "UNFORMATTED_VALUE"));
        assertEquals(
                List.of(List.of(
                        new BigDecimal("12"),
                        new BigDecimal("-3.5"),
                        true,
                        "=A1",
                        new BigDecimal("45351"),
                        "1,234.5",
                        "007",
                        "hello")),
                read("Sheet1!A11:H11", "FORMULA"));
        assertEquals("2024-02-29", read("Sheet1!E11", "FORMATTED_VALUE").get(0).get(0));
    }

    @Test
    void emptyStringClearsAndNullLeavesTheCell() throws Exception {
        seedSmall();
        // The Java client drops a plain null from a list; Data.NULL_STRING is how it sends JSON null.
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!A2:C2", values(null, Arrays.asList("", Data.NULL_STRING, "changed")))
                .setValueInputOption("RAW")
                .execute();
        assertEquals(List.of(List.of("", "12", "changed")), read("Sheet1!A2:C2", "FORMATTED_VALUE"));
    }

    @Test
    void dataLargerThanItsRangeIsRejected() {
        seedSmall();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Requested writing within range [Sheet1!A1:B2], but tried writing to row [3]",
                () -> sheets.spreadsheets()
                        .values()
                        .update("s1", "Sheet1!A1:B2", values(null, List.of(1), List.of(2), List.of(3)))
                        .setValueInputOption("RAW")
                        .execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Requested writing within range [Sheet1!A1:B2], but tried writing to column [C]",
                () -> sheets.spreadsheets()
                        .values()
                        .update("s1", "Sheet1!A1:B2", values(null, List.of(1, 2, 3)))
                        .setValueInputOption("RAW")
                        .execute());
    }

    @Test
    void writeOutsideTheGridIsRejectedAndNothingIsWritten() throws Exception {
        seedSmall();
        JsonObject before = emu.dump("s1");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid data[1]: Range ('My Sheet'!E1:F1) exceeds grid limits. Max rows: 10, max columns: 5",
                () -> sheets.spreadsheets()
                        .values()
                        .batchUpdate(
                                "s1",
                                new BatchUpdateValuesRequest()
                                        .setValueInputOption("RAW")
                                        .setData(List.of(
                                                values("Sheet1!A1", List.of("first")),
                                                values("'My Sheet'!E1", List.of("a", "b")))))
                        .execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
                () -> sheets.spreadsheets()
                        .values()
                        .update("s1", "Sheet1!A1001", values(null, List.of("x")))
                        .setValueInputOption("RAW")
                        .execute());
        assertEquals(before, emu.dump("s1"));
    }

    @Test
    void missingOrInvalidValueInputOptionIsRejected() {
        seedSmall();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "'valueInputOption' is required but not specified",
                () -> sheets.spreadsheets()
                        .values()
                        .batchUpdate(
                                "s1",
                                new BatchUpdateValuesRequest().setData(List.of(values("Sheet1!A1", List.of("x")))))
                        .execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), \"PARSED\"",
                () -> sheets.spreadsheets()
                        .values()
                        .update("s1", "Sheet1!A1", values(null, List.of("x")))
                        .setValueInputOption("PARSED")
                        .execute());
    }

    @Test
    void appendWritesAfterTheTableAndReportsIt() throws Exception {
        seedSmall();
        AppendValuesResponse response = sheets.spreadsheets()
                .values()
                .append("s1", "Sheet1!A1:E", values(null, List.of("bolt2", 7)))
                .setValueInputOption("USER_ENTERED")
                .execute();
        assertEquals("Sheet1!A1:D3", response.getTableRange());
        assertEquals("Sheet1!A4:B4", response.getUpdates().getUpdatedRange());
        assertEquals(2, response.getUpdates().getUpdatedCells());
        assertEquals(List.of(List.of("bolt2", new BigDecimal("7"))), read("Sheet1!A4:B4", "UNFORMATTED_VALUE"));
    }

    @Test
    void appendOfARowStartingWithEmptiesFindsTheTableWhereTheValuesAreAndWritesFromItsFirstColumn() throws Exception {
        emu.seed("{\"spreadsheetId\":\"ap\",\"sheets\":[{\"title\":\"Log\"}]}");
        List<Object> row = List.of("", "", "x", "y", "z");
        AppendValuesResponse first = sheets.spreadsheets()
                .values()
                .append("ap", "Log", values(null, row))
                .setValueInputOption("RAW")
                .execute();
        assertNull(first.getTableRange());
        assertEquals("Log!A1:E1", first.getUpdates().getUpdatedRange());
        AppendValuesResponse second = sheets.spreadsheets()
                .values()
                .append("ap", "Log", values(null, row))
                .setValueInputOption("RAW")
                .execute();
        // The table is C1:E1 (A1 and B1 hold nothing), so the row lands from column C: shifted right, as in Google.
        assertEquals("Log!C1:E1", second.getTableRange());
        assertEquals("Log!C2:G2", second.getUpdates().getUpdatedRange());
        assertEquals(5, second.getUpdates().getUpdatedCells());
    }

    @Test
    void appendToAnEmptyLoneCellWritesThereEvenWithATableBelow() throws Exception {
        seedSmall();
        AppendValuesResponse response = sheets.spreadsheets()
                .values()
                .append("s1", "Sheet1!A4", values(null, List.of("gap")))
                .setValueInputOption("RAW")
                .execute();
        assertNull(response.getTableRange());
        assertEquals("Sheet1!A4", response.getUpdates().getUpdatedRange());
    }

    @Test
    void appendFromALoneCellFollowsTheTableConnectedToIt() throws Exception {
        seedSmall();
        AppendValuesResponse response = sheets.spreadsheets()
                .values()
                .append("s1", "Sheet1!B2", values(null, List.of("next")))
                .setValueInputOption("RAW")
                .execute();
        assertEquals("Sheet1!A2:D3", response.getTableRange());
        assertEquals("Sheet1!A4", response.getUpdates().getUpdatedRange());
    }

    @Test
    void appendInsertRowsGrowsTheGridAndShiftsFollowingRows() throws Exception {
        seedSmall();
        sheets.spreadsheets()
                .values()
                .append("s1", "Sheet1!A1", values(null, List.of("new1"), List.of("new2")))
                .setValueInputOption("RAW")
                .setInsertDataOption("INSERT_ROWS")
                .execute();
        assertEquals(
                1002,
                emu.dump("s1")
                        .getAsJsonArray("sheets")
                        .get(0)
                        .getAsJsonObject()
                        .get("rowCount")
                        .getAsInt());
        assertEquals(
                List.of(List.of("new1"), List.of("new2"), List.of(), List.of("washer")),
                read("Sheet1!A4:A7", "FORMATTED_VALUE"));
    }

    @Test
    void appendOverwritePastTheLastRowGrowsTheGrid() throws Exception {
        seedSmall();
        AppendValuesResponse response = sheets.spreadsheets()
                .values()
                .append(
                        "s1",
                        "'My Sheet'!A1:B",
                        values(
                                null,
                                List.of("r3"),
                                List.of("r4"),
                                List.of("r5"),
                                List.of("r6"),
                                List.of("r7"),
                                List.of("r8"),
                                List.of("r9"),
                                List.of("r10"),
                                List.of("r11")))
                .setValueInputOption("RAW")
                .execute();
        assertEquals("'My Sheet'!A3:A11", response.getUpdates().getUpdatedRange());
        assertEquals(
                11,
                emu.dump("s1")
                        .getAsJsonArray("sheets")
                        .get(1)
                        .getAsJsonObject()
                        .get("rowCount")
                        .getAsInt());
    }

    @Test
    void includeValuesInResponseEchoesTheWrittenCells() throws Exception {
        seedSmall();
        UpdateValuesResponse response = sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!F1", values(null, List.of("7", "=F1")))
                .setValueInputOption("USER_ENTERED")
                .setIncludeValuesInResponse(true)
                .setResponseValueRenderOption("FORMULA")
                .execute();
        assertEquals("Sheet1!F1:G1", response.getUpdatedData().getRange());
        assertEquals(
                List.of(List.of(new BigDecimal("7"), "=F1")),
                response.getUpdatedData().getValues());
    }

    @Test
    void columnsMajorWritesFillColumns() throws Exception {
        seedSmall();
        sheets.spreadsheets()
                .values()
                .update(
                        "s1",
                        "Sheet1!H1:I3",
                        values(null, List.of("h1", "h2", "h3"), List.of("i1")).setMajorDimension("COLUMNS"))
                .setValueInputOption("RAW")
                .execute();
        assertEquals(
                List.of(List.of("h1", "i1"), List.of("h2"), List.of("h3")), read("Sheet1!H1:I3", "FORMATTED_VALUE"));
    }

    @Test
    void updateAnswersWithTheWrittenRange() throws Exception {
        seedSmall();
        UpdateValuesResponse response = sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!B7:D9", values(null, List.of(1, 2), List.of(3)))
                .setValueInputOption("RAW")
                .execute();
        assertEquals("Sheet1!B7:C8", response.getUpdatedRange());
        assertEquals(2, response.getUpdatedRows());
        assertEquals(2, response.getUpdatedColumns());
        assertEquals(3, response.getUpdatedCells());
        assertNull(response.getUpdatedData());
    }
}
