package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.CellFormat;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.NumberFormat;
import com.google.api.services.sheets.v4.model.RepeatCellRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridLimitsTest extends EmulatorFixture {

    private static final String LIMIT =
            "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";

    private static void batch(Request... requests) throws Exception {
        sheets.spreadsheets()
                .batchUpdate("big", new BatchUpdateSpreadsheetRequest().setRequests(List.of(requests)))
                .execute();
    }

    private static void seedFullWorkbook() {
        emu.seed("{\"spreadsheetId\":\"big\",\"sheets\":[{\"title\":\"Full\",\"rowCount\":100000,\"columnCount\":100,"
                + "\"rows\":[[\"a\"]]}]}");
    }

    private static Request properties(Integer rows, Integer columns, String fields) {
        return new Request()
                .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                        .setFields(fields)
                        .setProperties(new SheetProperties()
                                .setSheetId(0)
                                .setGridProperties(
                                        new GridProperties().setRowCount(rows).setColumnCount(columns))));
    }

    private static Request formatColumn(GridRange range) {
        return new Request()
                .setRepeatCell(new RepeatCellRequest()
                        .setRange(range)
                        .setCell(new CellData()
                                .setUserEnteredFormat(
                                        new CellFormat().setNumberFormat(new NumberFormat().setType("TEXT"))))
                        .setFields("userEnteredFormat.numberFormat"));
    }

    @Test
    void everyKindOfGrowthPastTenMillionCellsIsRejected() throws Exception {
        seedFullWorkbook();
        JsonObject before = emu.dump("big");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].appendDimension: " + LIMIT,
                () -> batch(new Request()
                        .setAppendDimension(new AppendDimensionRequest()
                                .setSheetId(0)
                                .setDimension("ROWS")
                                .setLength(1))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: " + LIMIT,
                () -> batch(properties(null, 101, "gridProperties.columnCount")));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[1].addSheet: " + LIMIT,
                () -> batch(
                        properties(99_999, null, "gridProperties.rowCount"),
                        new Request()
                                .setAddSheet(
                                        new AddSheetRequest().setProperties(new SheetProperties().setTitle("More")))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                LIMIT,
                () -> sheets.spreadsheets()
                        .values()
                        .append("big", "Full!A1", new ValueRange().setValues(List.of(List.of("x"), List.of("y"))))
                        .setValueInputOption("RAW")
                        .setInsertDataOption("INSERT_ROWS")
                        .execute());
        assertEquals(before, emu.dump("big"));
    }

    @Test
    void rowCountIsAppliedBeforeColumnCountWhenTheLimitIsChecked() throws Exception {
        seedFullWorkbook();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: " + LIMIT,
                () -> batch(properties(200_000, 50, "gridProperties(rowCount,columnCount)")));
        batch(properties(null, 50, "gridProperties.columnCount"), properties(200_000, null, "gridProperties.rowCount"));
        JsonObject sheet = emu.dump("big").getAsJsonArray("sheets").get(0).getAsJsonObject();
        assertEquals(200_000, sheet.get("rowCount").getAsInt());
        assertEquals(50, sheet.get("columnCount").getAsInt());
    }

    @Test
    void shrinkingMakesRoomForGrowth() throws Exception {
        seedFullWorkbook();
        batch(
                properties(90_000, null, "gridProperties.rowCount"),
                new Request()
                        .setAddSheet(new AddSheetRequest()
                                .setProperties(new SheetProperties()
                                        .setTitle("More")
                                        .setGridProperties(new GridProperties()
                                                .setRowCount(10_000)
                                                .setColumnCount(100)))));
        assertEquals(2, emu.dump("big").getAsJsonArray("sheets").size());
    }

    /** The answers the live API gave for these ranges on a 1000 x 26 tab (see BatchUpdate.rect). */
    @Test
    void repeatCellRefusesRangesStartingPastTheGridAndClipsRangesEndingPastIt() throws Exception {
        emu.seed("{\"spreadsheetId\":\"big\",\"sheets\":[{\"title\":\"T\"}]}");
        JsonObject before = emu.dump("big");
        String limits = " exceeds grid limits. Max rows: 1000, max columns: 26";
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].repeatCell: Range (T!A1001:B)" + limits,
                () -> batch(formatColumn(range(1000, null, 0, 2))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].repeatCell: Range (T!A1006:B)" + limits,
                () -> batch(formatColumn(range(1005, null, 0, 2))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].repeatCell: Range (T!A1001:B1001)" + limits,
                () -> batch(formatColumn(range(1000, 1001, 0, 2))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].repeatCell: Range (T!AA1:AA2)" + limits,
                () -> batch(formatColumn(range(0, 2, 26, 27))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[1].repeatCell: Range (T!AA1:2)" + limits,
                () -> batch(formatColumn(range(0, 2, 0, 1)), formatColumn(range(0, 2, 26, null))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].repeatCell: No grid with id: 99",
                () -> batch(formatColumn(new GridRange().setSheetId(99))));
        assertEquals(before, emu.dump("big"));

        batch(
                formatColumn(range(999, null, 0, 1)),
                formatColumn(range(999, 1003, 1, 2)),
                formatColumn(range(0, 1, 25, 28)),
                formatColumn(range(3, 3, 0, 1)),
                formatColumn(range(0, 1, 3, 3)));

        JsonObject sheet = emu.dump("big").getAsJsonArray("sheets").get(0).getAsJsonObject();
        assertEquals(1000, sheet.get("rowCount").getAsInt());
        assertEquals(26, sheet.get("columnCount").getAsInt());
        assertEquals(
                "[{\"range\":\"A1000\",\"type\":\"TEXT\"},{\"range\":\"B1000\",\"type\":\"TEXT\"},"
                        + "{\"range\":\"Z1\",\"type\":\"TEXT\"}]",
                sheet.get("formats").toString());
    }

    private static GridRange range(int startRow, Integer endRow, int startColumn, Integer endColumn) {
        return new GridRange()
                .setSheetId(0)
                .setStartRowIndex(startRow)
                .setEndRowIndex(endRow)
                .setStartColumnIndex(startColumn)
                .setEndColumnIndex(endColumn);
    }

    @Test
    void sheetPropertiesAreValidated() {
        emu.seed("{\"spreadsheetId\":\"big\",\"sheets\":[{\"title\":\"One\",\"rowCount\":5,\"columnCount\":3},"
                + "{\"title\":\"Two\"}]}");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: A sheet with the name \"two\" already exists. Please enter another name.",
                () -> batch(new Request()
                        .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                                .setFields("title")
                                .setProperties(
                                        new SheetProperties().setSheetId(0).setTitle("two")))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: You can't freeze all visible rows on the sheet.",
                () -> batch(new Request()
                        .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                                .setFields("gridProperties.frozenRowCount")
                                .setProperties(new SheetProperties()
                                        .setSheetId(0)
                                        .setGridProperties(new GridProperties().setFrozenRowCount(5))))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: Field 'tabColor' is not supported by the Sheets emulator.",
                () -> batch(new Request()
                        .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                                .setFields("tabColor")
                                .setProperties(new SheetProperties().setSheetId(0)))));
    }

    @Test
    void renamedSheetIsAddressedByItsNewTitle() throws Exception {
        emu.seed("{\"spreadsheetId\":\"big\",\"sheets\":[{\"title\":\"Old\",\"rows\":[[\"v\"]]}]}");
        batch(new Request()
                .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                        .setFields("title")
                        .setProperties(new SheetProperties().setSheetId(0).setTitle("New Name"))));
        assertEquals(
                "'New Name'!A1",
                sheets.spreadsheets()
                        .values()
                        .get("big", "'New Name'!A1")
                        .execute()
                        .getRange());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Unable to parse range: Old!A1",
                () -> sheets.spreadsheets().values().get("big", "Old!A1").execute());
    }
}
