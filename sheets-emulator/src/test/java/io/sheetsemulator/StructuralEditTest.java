package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.GridCoordinate;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.MoveDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** insertDimension, deleteDimension, moveDimension and updateCells through the real client. */
class StructuralEditTest extends EmulatorFixture {

    /** Data (id 0, 10 x 5): a header, three numbers with a date format in B, a total; Report (id 9) reads Data. */
    private static void seedData() {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[
          {"title":"Data","sheetId":0,"rowCount":10,"columnCount":5,
           "rows":[["n","when","x"],[1,45000,"=A2*2"],[2,45001],[3,45002],[],["=SUM(A2:A4)","=$A$3","=COUNTIF($A:$A,\\">1\\")"]],
           "formats":[{"range":"B2:B4","type":"DATE","pattern":"dd/mm/yyyy"}]},
          {"title":"Report","sheetId":9,"rowCount":5,"columnCount":3,"rows":[["=Data!A3","='Data'!C2","=B9"]]}]}
        """);
    }

    private static void batch(Request... requests) throws Exception {
        sheets.spreadsheets()
                .batchUpdate("s1", new BatchUpdateSpreadsheetRequest().setRequests(List.of(requests)))
                .execute();
    }

    private static DimensionRange dims(int sheetId, String dimension, Integer start, Integer end) {
        return new DimensionRange()
                .setSheetId(sheetId)
                .setDimension(dimension)
                .setStartIndex(start)
                .setEndIndex(end);
    }

    private static Request insert(int sheetId, String dimension, int start, int end, boolean inheritFromBefore) {
        return new Request()
                .setInsertDimension(new InsertDimensionRequest()
                        .setRange(dims(sheetId, dimension, start, end))
                        .setInheritFromBefore(inheritFromBefore));
    }

    private static Request delete(int sheetId, String dimension, int start, int end) {
        return new Request()
                .setDeleteDimension(new DeleteDimensionRequest().setRange(dims(sheetId, dimension, start, end)));
    }

    /** The cells of {@code range} as text (numbers as the JSON gives them). */
    static List<List<String>> read(String range, String render) throws Exception {
        List<List<Object>> values = sheets.spreadsheets()
                .values()
                .get("s1", range)
                .setValueRenderOption(render)
                .execute()
                .getValues();
        return values.stream()
                .map(row -> row.stream().map(String::valueOf).toList())
                .toList();
    }

    private static JsonObject sheetDump(int index) {
        return emu.dump("s1").getAsJsonArray("sheets").get(index).getAsJsonObject();
    }

    @Test
    void insertedRowsPushCellsFormatsAndEveryReferenceToThemDown() throws Exception {
        seedData();
        batch(insert(0, "ROWS", 2, 4, true));

        JsonObject data = sheetDump(0);
        assertEquals(12, data.get("rowCount").getAsInt());
        assertEquals(JsonParser.parseString("""
                [["n","when","x"],[1,45000,"=A2*2"],[],[],[2,45001],[3,45002],[],
                 ["=SUM(A2:A6)","=$A$5","=COUNTIF($A:$A,\\">1\\")"]]"""), data.get("rows"));
        // The inserted rows inherit the date format of the row before them, with no value.
        assertEquals(
                JsonParser.parseString("[{\"range\":\"B2:B6\",\"type\":\"DATE\",\"pattern\":\"dd/mm/yyyy\"}]"),
                data.get("formats"));
        assertEquals(List.of(List.of("=Data!A5", "='Data'!C2", "=B9")), read("Report!A1:C1", "FORMULA"));
        // B9 lies off Report's 5-row grid, as before.
        assertEquals(List.of(List.of("2", "2", "#REF!")), read("Report!A1:C1", "FORMATTED_VALUE"));
        assertEquals(List.of(List.of("6", "2")), read("Data!A8:B8", "FORMATTED_VALUE"));
    }

    @Test
    void insertedColumnsShiftCellsAndReferencesRight() throws Exception {
        seedData();
        batch(insert(0, "COLUMNS", 0, 1, false));

        assertEquals(6, sheetDump(0).get("columnCount").getAsInt());
        assertEquals(List.of(List.of("", "1", "45000", "=B2*2")), read("Data!A2:D2", "FORMULA"));
        assertEquals(List.of(List.of("=SUM(B2:B4)", "=$B$3", "=COUNTIF($B:$B,\">1\")")), read("Data!B6:D6", "FORMULA"));
        assertEquals(List.of(List.of("=Data!B3", "='Data'!D2")), read("Report!A1:B1", "FORMULA"));
    }

    @Test
    void deletedRowsTakeTheirCellsAndTurnReferencesToThemIntoRefErrors() throws Exception {
        seedData();
        batch(delete(0, "ROWS", 2, 3));

        assertEquals(9, sheetDump(0).get("rowCount").getAsInt());
        assertEquals(List.of(List.of("=SUM(A2:A3)", "=#REF!")), read("Data!A5:B5", "FORMULA"));
        assertEquals(List.of(List.of("4", "#REF!")), read("Data!A5:B5", "FORMATTED_VALUE"));
        assertEquals(List.of(List.of("=#REF!")), read("Report!A1", "FORMULA"));
        assertEquals(List.of(List.of("#REF!")), read("Report!A1", "FORMATTED_VALUE"));
    }

    @Test
    void aMovedColumnTakesItsCellsAndItsReferencesAlong() throws Exception {
        seedData();
        batch(new Request()
                .setMoveDimension(new MoveDimensionRequest()
                        .setSource(dims(0, "COLUMNS", 0, 1))
                        .setDestinationIndex(3)));

        assertEquals(List.of(List.of("when", "x", "n")), read("Data!A1:C1", "FORMULA"));
        assertEquals(List.of(List.of("45000", "=C2*2", "1")), read("Data!A2:C2", "FORMULA"));
        assertEquals(List.of(List.of("=Data!C3", "='Data'!B2")), read("Report!A1:B1", "FORMULA"));
    }

    @Test
    void refusedDimensionRequestsNameTheProblemAndChangeNothing() throws Exception {
        seedData();
        JsonObject before = emu.dump("s1");
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[1].deleteDimension: You can't delete all the rows on the sheet.",
                () -> batch(insert(0, "ROWS", 0, 1, false), delete(0, "ROWS", 0, 11)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].deleteDimension: You can't delete all the columns on the sheet.",
                () -> batch(delete(0, "COLUMNS", 0, 5)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].deleteDimension: Cannot delete a row that doesn't exist. Tried to delete row"
                        + " index 10 but there are only 10 rows.",
                () -> batch(delete(0, "ROWS", 9, 11)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].deleteDimension: Cannot delete a column that doesn't exist. Tried to delete"
                        + " column index 7 but there are only 5 columns.",
                () -> batch(delete(0, "COLUMNS", 7, 8)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].insertDimension: range.startIndex is larger than current grid size (5)",
                () -> batch(insert(0, "COLUMNS", 6, 7, false)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].insertDimension: range.startIndex must be less than the grid size (10) if"
                        + " inheritFromBefore is false.",
                () -> batch(insert(0, "ROWS", 10, 12, false)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].insertDimension: Cannot insert at index 0 and inherit from the dimension before it.",
                () -> batch(insert(0, "ROWS", 0, 1, true)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].insertDimension: range.startIndex must be set",
                () -> batch(new Request()
                        .setInsertDimension(new InsertDimensionRequest().setRange(dims(0, "ROWS", null, 1)))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].deleteDimension: No grid with id: 5",
                () -> batch(delete(5, "ROWS", 0, 1)));
        assertEquals(before, emu.dump("s1"));
    }

    @Test
    void deletingEveryRowButTheFrozenOnesIsRefused() throws Exception {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[{"title":"Data","sheetId":0,"rowCount":5,"columnCount":2,"frozenRowCount":2}]}
        """);
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].deleteDimension: Sorry, it is not possible to delete all non-frozen rows.",
                () -> batch(delete(0, "ROWS", 2, 5)));
        batch(delete(0, "ROWS", 0, 1));
        assertEquals(1, sheetDump(0).get("frozenRowCount").getAsInt());
        assertEquals(4, sheetDump(0).get("rowCount").getAsInt());
    }

    @Test
    void anArrayFormulaAndItsOutputMoveWithTheirRows() throws Exception {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[{"title":"Data","sheetId":0,"rowCount":10,"columnCount":3,
          "rows":[["=ARRAYFORMULA(B1:B3*2)",1],[{"computed":4},2],[{"computed":6},3]]}]}
        """);
        batch(insert(0, "ROWS", 1, 2, false));
        assertEquals(JsonParser.parseString("""
                [["=ARRAYFORMULA(B1:B4*2)",1],[],[{"computed":4},2],[{"computed":6},3]]"""), sheetDump(0).get("rows"));
    }

    @Test
    void rowsAnInsertRowsAppendAddsMoveTheFormulasAndMetadataBelowThem() throws Exception {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[{"title":"Data","sheetId":0,"rowCount":10,"columnCount":3,
          "rows":[["n"],[1],[2],[],["=SUM(A2:A3)","=A5"]],
          "developerMetadata":[{"metadataId":1,"metadataKey":"total","row":5}]}]}
        """);
        sheets.spreadsheets()
                .values()
                .append("s1", "Data!A1", new ValueRange().setValues(List.of(List.of(3))))
                .setValueInputOption("RAW")
                .setInsertDataOption("INSERT_ROWS")
                .execute();
        JsonObject data = sheetDump(0);
        assertEquals(JsonParser.parseString("[[\"n\"],[1],[2],[3],[],[\"=SUM(A2:A3)\",\"=A6\"]]"), data.get("rows"));
        assertEquals(
                6,
                data.getAsJsonArray("developerMetadata")
                        .get(0)
                        .getAsJsonObject()
                        .get("row")
                        .getAsInt());
    }

    @Test
    void aSmallerGridDeletesTheRowsItCutsOffAsADeleteWould() throws Exception {
        seedData();
        emu.edit("s1", """
            [{"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"rowCount":3,"columnCount":2}},
              "fields":"gridProperties(rowCount,columnCount)"}}]""");
        assertEquals(List.of(List.of("=Data!A3", "=#REF!")), read("Report!A1:B1", "FORMULA"));
    }

    @Test
    void insertingAtTheEndOfTheGridAppends() throws Exception {
        seedData();
        batch(insert(9, "ROWS", 5, 7, true));
        assertEquals(7, sheetDump(1).get("rowCount").getAsInt());
    }

    @Test
    void updateCellsFromAStartWritesOnlyTheCellsGiven() throws Exception {
        seedData();
        batch(new Request()
                .setUpdateCells(new UpdateCellsRequest()
                        .setStart(new GridCoordinate()
                                .setSheetId(0)
                                .setRowIndex(1)
                                .setColumnIndex(0))
                        .setFields("userEnteredValue")
                        .setRows(List.of(new RowData()
                                .setValues(List.of(
                                        new CellData().setUserEnteredValue(new ExtendedValue().setNumberValue(7.0)),
                                        new CellData(),
                                        new CellData()
                                                .setUserEnteredValue(
                                                        new ExtendedValue().setFormulaValue("=A2+1"))))))));
        assertEquals(List.of(List.of("7", "", "=A2+1"), List.of("2", "45001")), read("Data!A2:C3", "FORMULA"));
        // The empty CellData cleared the value under the mask but kept the cell's date format.
        assertEquals(
                "B2:B4",
                sheetDump(0)
                        .getAsJsonArray("formats")
                        .get(0)
                        .getAsJsonObject()
                        .get("range")
                        .getAsString());
    }

    @Test
    void updateCellsOverARangeClearsWhatTheRowsDoNotCover() throws Exception {
        seedData();
        batch(new Request()
                .setUpdateCells(new UpdateCellsRequest()
                        .setRange(new GridRange()
                                .setSheetId(0)
                                .setStartRowIndex(1)
                                .setEndRowIndex(3)
                                .setStartColumnIndex(0)
                                .setEndColumnIndex(2))
                        .setFields("userEnteredValue")
                        .setRows(List.of(new RowData()
                                .setValues(List.of(new CellData()
                                        .setUserEnteredValue(new ExtendedValue().setStringValue("p"))))))));
        assertEquals(
                List.of(List.of("p", "", "=A2*2"), List.of(), List.of("3", "45002")), read("Data!A2:C4", "FORMULA"));
    }
}
