package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.CellFormat;
import com.google.api.services.sheets.v4.model.GridData;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.MergeCellsRequest;
import com.google.api.services.sheets.v4.model.NumberFormat;
import com.google.api.services.sheets.v4.model.RepeatCellRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetsTest extends EmulatorFixture {

    private static final String PRODUCT_MASK =
            "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData(values(userEnteredValue))))";

    private static BatchUpdateSpreadsheetResponse batch(Request... requests) throws Exception {
        return sheets.spreadsheets()
                .batchUpdate("s1", new BatchUpdateSpreadsheetRequest().setRequests(List.of(requests)))
                .execute();
    }

    private static Request resize(int sheetId, Integer rows, Integer columns, String fields) {
        return new Request()
                .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                        .setFields(fields)
                        .setProperties(new SheetProperties()
                                .setSheetId(sheetId)
                                .setGridProperties(
                                        new GridProperties().setRowCount(rows).setColumnCount(columns))));
    }

    private static JsonObject sheetDump(int index) {
        return emu.dump("s1").getAsJsonArray("sheets").get(index).getAsJsonObject();
    }

    @Test
    void getWithoutGridDataListsSheetProperties() throws Exception {
        seedSmall();
        Spreadsheet spreadsheet = sheets.spreadsheets().get("s1").execute();
        assertEquals("Small", spreadsheet.getProperties().getTitle());
        assertEquals(2, spreadsheet.getSheets().size());
        SheetProperties first = spreadsheet.getSheets().get(0).getProperties();
        assertEquals(0, first.getSheetId());
        assertEquals("GRID", first.getSheetType());
        assertEquals(1000, first.getGridProperties().getRowCount());
        assertEquals(26, first.getGridProperties().getColumnCount());
        assertEquals(1, spreadsheet.getSheets().get(1).getProperties().getIndex());
        assertNull(spreadsheet.getSheets().get(0).getData());
    }

    @Test
    void rangesFilterSheetsAndGiveOneDataBlockPerRangeWithTheProductMask() throws Exception {
        seedSmall();
        Spreadsheet spreadsheet = sheets.spreadsheets()
                .get("s1")
                .setRanges(List.of("Sheet1!B2:C3", "Sheet1!A1:A1"))
                .setFields(PRODUCT_MASK)
                .execute();
        assertEquals(1, spreadsheet.getSheets().size());
        assertNull(spreadsheet.getProperties());
        assertNull(spreadsheet.getSheets().get(0).getProperties().getIndex());
        List<GridData> data = spreadsheet.getSheets().get(0).getData();
        assertEquals(2, data.size());
        assertEquals(1, data.get(0).getStartRow());
        assertEquals(1, data.get(0).getStartColumn());
        CellData qty = data.get(0).getRowData().get(0).getValues().get(0);
        assertEquals(12.0, qty.getUserEnteredValue().getNumberValue());
        assertNull(qty.getFormattedValue());
        assertNull(data.get(1).getStartRow());
        assertEquals(
                "name",
                data.get(1)
                        .getRowData()
                        .get(0)
                        .getValues()
                        .get(0)
                        .getUserEnteredValue()
                        .getStringValue());
    }

    @Test
    void gridDataHasFormatsEffectiveAndFormattedValues() throws Exception {
        seedSmall();
        Spreadsheet spreadsheet = sheets.spreadsheets()
                .get("s1")
                .setRanges(List.of("Sheet1!D2"))
                .setIncludeGridData(true)
                .execute();
        CellData when = spreadsheet
                .getSheets()
                .get(0)
                .getData()
                .get(0)
                .getRowData()
                .get(0)
                .getValues()
                .get(0);
        assertEquals(45000.0, when.getEffectiveValue().getNumberValue());
        assertEquals("15/03/2023", when.getFormattedValue());
        assertEquals("DATE", when.getUserEnteredFormat().getNumberFormat().getType());
        assertEquals("dd/mm/yyyy", when.getUserEnteredFormat().getNumberFormat().getPattern());
    }

    @Test
    void emptyRangeHasNoRowDataAndInnerEmptyCellsAreEmptyObjects() throws Exception {
        seedSmall();
        Spreadsheet spreadsheet = sheets.spreadsheets()
                .get("s1")
                .setRanges(List.of("Sheet1!A4:E5", "Sheet1!K1:L5"))
                .setIncludeGridData(true)
                .execute();
        GridData rows = spreadsheet.getSheets().get(0).getData().get(0);
        assertNull(rows.getRowData().get(0).getValues());
        assertEquals(5, rows.getRowData().get(1).getValues().size());
        assertTrue(rows.getRowData().get(1).getValues().get(1).isEmpty());
        assertNull(spreadsheet.getSheets().get(0).getData().get(1).getRowData());
    }

    @Test
    void fieldMaskWithoutDataIgnoresIncludeGridData() throws Exception {
        seedSmall();
        Spreadsheet spreadsheet = sheets.spreadsheets()
                .get("s1")
                .setIncludeGridData(true)
                .setFields("spreadsheetId,sheets.properties.title")
                .execute();
        assertEquals("s1", spreadsheet.getSpreadsheetId());
        assertEquals("My Sheet", spreadsheet.getSheets().get(1).getProperties().getTitle());
        assertNull(spreadsheet.getSheets().get(1).getProperties().getSheetId());
        assertNull(spreadsheet.getSheets().get(0).getData());
    }

    @Test
    void updateSheetPropertiesGrowsAndShrinksTheGridDeletingCutCells() throws Exception {
        seedSmall();
        batch(resize(0, null, 30, "gridProperties.columnCount"));
        assertEquals(30, sheetDump(0).get("columnCount").getAsInt());
        assertEquals(1000, sheetDump(0).get("rowCount").getAsInt());
        batch(resize(0, 2, 2, "gridProperties(rowCount,columnCount)"));
        assertEquals(
                "[[\"name\",\"qty\"],[\"bolt\",12]]", sheetDump(0).get("rows").toString());
        batch(resize(0, 10, 5, "gridProperties.rowCount,gridProperties.columnCount"));
        assertEquals(
                List.of(List.of("name", "qty")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!A1:E1")
                        .execute()
                        .getValues());
    }

    @Test
    void updateSheetPropertiesNeedsFields() {
        seedSmall();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].updateSheetProperties: At least one field must be specified.",
                () -> batch(resize(0, 5, 5, null)));
    }

    @Test
    void repeatCellSetsTheNumberFormatOnAnUnboundedColumn() throws Exception {
        seedSmall();
        batch(new Request()
                .setRepeatCell(new RepeatCellRequest()
                        .setRange(new GridRange()
                                .setSheetId(0)
                                .setStartRowIndex(1)
                                .setStartColumnIndex(1)
                                .setEndColumnIndex(2))
                        .setCell(new CellData()
                                .setUserEnteredFormat(new CellFormat()
                                        .setNumberFormat(new NumberFormat()
                                                .setType("NUMBER")
                                                .setPattern("#,##0.00"))))
                        .setFields("userEnteredFormat.numberFormat")));
        assertEquals(
                "[{\"range\":\"B2:B1000\",\"type\":\"NUMBER\",\"pattern\":\"#,##0.00\"},"
                        + "{\"range\":\"D2:D3\",\"type\":\"DATE\",\"pattern\":\"dd/mm/yyyy\"}]",
                sheetDump(0).get("formats").toString());
        assertEquals(
                List.of(List.of("12.00"), List.of("3.50")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!B2:B3")
                        .execute()
                        .getValues());
    }

    @Test
    void batchUpdateIsAtomicAndNamesTheFailingRequest() throws Exception {
        seedSmall();
        JsonObject before = emu.dump("s1");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[1].repeatCell: Range (Sheet1!AA:AA) exceeds grid limits. Max rows: 1005, max columns: 26",
                () -> batch(
                        new Request()
                                .setAppendDimension(new AppendDimensionRequest()
                                        .setSheetId(0)
                                        .setDimension("ROWS")
                                        .setLength(5)),
                        new Request()
                                .setRepeatCell(new RepeatCellRequest()
                                        .setRange(new GridRange()
                                                .setSheetId(0)
                                                .setStartColumnIndex(26)
                                                .setEndColumnIndex(27))
                                        .setCell(new CellData()
                                                .setUserEnteredFormat(new CellFormat()
                                                        .setNumberFormat(new NumberFormat().setType("TEXT"))))
                                        .setFields("userEnteredFormat.numberFormat"))));
        assertEquals(before, emu.dump("s1"));
    }

    @Test
    void appendDimensionThenWriteIntoTheNewColumnsInOneBatch() throws Exception {
        seedSmall();
        batch(
                new Request()
                        .setAppendDimension(new AppendDimensionRequest()
                                .setSheetId(0)
                                .setDimension("COLUMNS")
                                .setLength(2)),
                new Request()
                        .setRepeatCell(new RepeatCellRequest()
                                .setRange(new GridRange()
                                        .setSheetId(0)
                                        .setStartRowIndex(0)
                                        .setEndRowIndex(1)
                                        .setStartColumnIndex(26)
                                        .setEndColumnIndex(28))
                                .setCell(new CellData()
                                        .setUserEnteredValue(new com.google.api.services.sheets.v4.model.ExtendedValue()
                                                .setStringValue("new")))
                                .setFields("userEnteredValue")));
        assertEquals(
                List.of(List.of("new", "new")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!AA1:AB1")
                        .execute()
                        .getValues());
    }

    @Test
    void addSheetRepliesWithItsProperties() throws Exception {
        seedSmall();
        BatchUpdateSpreadsheetResponse response = batch(new Request()
                .setAddSheet(new AddSheetRequest()
                        .setProperties(new SheetProperties()
                                .setTitle("Nueva")
                                .setGridProperties(
                                        new GridProperties().setRowCount(20).setColumnCount(3)))));
        SheetProperties added = response.getReplies().get(0).getAddSheet().getProperties();
        assertEquals("Nueva", added.getTitle());
        assertEquals(2, added.getIndex());
        assertTrue(added.getSheetId() > 0);
        assertEquals(20, added.getGridProperties().getRowCount());
        assertEquals(
                "Sheet1!A1:Z1000",
                sheets.spreadsheets().values().get("s1", "Sheet1").execute().getRange());
    }

    @Test
    void createMakesASpreadsheetWithTheRequestedSheets() throws Exception {
        Spreadsheet created = sheets.spreadsheets()
                .create(new Spreadsheet()
                        .setProperties(
                                new com.google.api.services.sheets.v4.model.SpreadsheetProperties().setTitle("Nuevo"))
                        .setSheets(List.of(new com.google.api.services.sheets.v4.model.Sheet()
                                .setProperties(new SheetProperties()
                                        .setTitle("Datos")
                                        .setGridProperties(new GridProperties()
                                                .setRowCount(50)
                                                .setColumnCount(4))))))
                .execute();
        assertEquals("Nuevo", created.getProperties().getTitle());
        assertEquals(0, created.getSheets().get(0).getProperties().getIndex());
        assertEquals(
                "Datos!A1:D50",
                sheets.spreadsheets()
                        .values()
                        .get(created.getSpreadsheetId(), "Datos")
                        .execute()
                        .getRange());
    }

    @Test
    void unsupportedRequestKindIsRejectedByName() {
        seedSmall();
        var e = assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].mergeCells: This request kind is not supported by the Sheets emulator.",
                () -> batch(new Request()
                        .setMergeCells(new MergeCellsRequest()
                                .setRange(new GridRange().setSheetId(0))
                                .setMergeType("MERGE_ALL"))));
        assertFalse(e.getDetails().getMessage().isEmpty());
    }
}
