package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.CreateDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.DataFilter;
import com.google.api.services.sheets.v4.model.DeleteDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DeveloperMetadata;
import com.google.api.services.sheets.v4.model.DeveloperMetadataLocation;
import com.google.api.services.sheets.v4.model.DeveloperMetadataLookup;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.GridData;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.MatchedDeveloperMetadata;
import com.google.api.services.sheets.v4.model.MoveDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SearchDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.UpdateDeveloperMetadataRequest;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Developer metadata through the real client: create, update, delete, get, search, and rows moving under it. */
class DeveloperMetadataTest extends EmulatorFixture {

    /** Data (id 0, 10 x 5) with a header row; Other (id 4). */
    static void seedData() {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[
          {"title":"Data","sheetId":0,"rowCount":10,"columnCount":5,"rows":[["OT","qty","total"],[1,2],[3,4]]},
          {"title":"Other","sheetId":4,"rowCount":5,"columnCount":2}]}
        """);
    }

    static BatchUpdateSpreadsheetResponse batch(Request... requests) throws Exception {
        return sheets.spreadsheets()
                .batchUpdate("s1", new BatchUpdateSpreadsheetRequest().setRequests(List.of(requests)))
                .execute();
    }

    static DimensionRange dims(int sheetId, String dimension, int start, int end) {
        return new DimensionRange()
                .setSheetId(sheetId)
                .setDimension(dimension)
                .setStartIndex(start)
                .setEndIndex(end);
    }

    static Request create(Integer id, String key, String value, DeveloperMetadataLocation location) {
        return new Request()
                .setCreateDeveloperMetadata(new CreateDeveloperMetadataRequest()
                        .setDeveloperMetadata(new DeveloperMetadata()
                                .setMetadataId(id)
                                .setMetadataKey(key)
                                .setMetadataValue(value)
                                .setLocation(location)
                                .setVisibility("DOCUMENT")));
    }

    static Request onColumn(Integer id, String key, int column) {
        return create(
                id,
                key,
                null,
                new DeveloperMetadataLocation().setDimensionRange(dims(0, "COLUMNS", column, column + 1)));
    }

    static DataFilter byKey(String key) {
        return new DataFilter().setDeveloperMetadataLookup(new DeveloperMetadataLookup().setMetadataKey(key));
    }

    private static List<MatchedDeveloperMetadata> search(DataFilter... filters) throws Exception {
        List<MatchedDeveloperMetadata> matched = sheets.spreadsheets()
                .developerMetadata()
                .search("s1", new SearchDeveloperMetadataRequest().setDataFilters(List.of(filters)))
                .execute()
                .getMatchedDeveloperMetadata();
        return matched == null ? List.of() : matched;
    }

    @Test
    void createRepliesWithTheMetadataAndItsLocationAndGetFindsItById() throws Exception {
        seedData();
        BatchUpdateSpreadsheetResponse response = batch(
                onColumn(null, "column", 2),
                create(77, "sheet", "v", new DeveloperMetadataLocation().setSheetId(4)),
                create(78, "book", null, new DeveloperMetadataLocation().setSpreadsheet(true)));

        DeveloperMetadata column =
                response.getReplies().get(0).getCreateDeveloperMetadata().getDeveloperMetadata();
        assertTrue(column.getMetadataId() > 0);
        assertEquals("column", column.getMetadataKey());
        assertEquals("COLUMN", column.getLocation().getLocationType());
        assertEquals(dims(0, "COLUMNS", 2, 3), column.getLocation().getDimensionRange());
        assertEquals("DOCUMENT", column.getVisibility());
        DeveloperMetadata sheet =
                response.getReplies().get(1).getCreateDeveloperMetadata().getDeveloperMetadata();
        assertEquals(77, sheet.getMetadataId());
        assertEquals("SHEET", sheet.getLocation().getLocationType());
        assertEquals(4, sheet.getLocation().getSheetId());
        assertEquals(
                "SPREADSHEET",
                response.getReplies()
                        .get(2)
                        .getCreateDeveloperMetadata()
                        .getDeveloperMetadata()
                        .getLocation()
                        .getLocationType());

        DeveloperMetadata got = sheets.spreadsheets()
                .developerMetadata()
                .get("s1", column.getMetadataId())
                .execute();
        assertEquals(column, got);
        assertApiError(
                404,
                "NOT_FOUND",
                "Requested entity was not found.",
                () -> sheets.spreadsheets().developerMetadata().get("s1", 5).execute());
    }

    @Test
    void refusedCreatesChangeNothing() throws Exception {
        seedData();
        batch(onColumn(5, "a", 0));
        String before = emu.dump("s1").toString();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[1].createDeveloperMetadata: Developer metadata with ID 5 already exists.",
                () -> batch(onColumn(6, "b", 1), onColumn(5, "c", 1)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].createDeveloperMetadata: The dimensionRange of developer metadata must be a"
                        + " single row or column, got [1, 3).",
                () -> batch(create(
                        null,
                        "wide",
                        null,
                        new DeveloperMetadataLocation().setDimensionRange(dims(0, "COLUMNS", 1, 3)))));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].createDeveloperMetadata: Range (Data!F:F) exceeds grid limits. Max rows: 10,"
                        + " max columns: 5",
                () -> batch(onColumn(null, "past", 5)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].createDeveloperMetadata: Developer metadata must always have a key specified.",
                () -> batch(onColumn(null, null, 1)));
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid requests[0].createDeveloperMetadata: metadataId must be positive.",
                () -> batch(onColumn(-3, "negative", 1)));
        assertEquals(before, emu.dump("s1").toString());
    }

    @Test
    void columnMetadataStaysWithItsColumnThroughInsertsAndMovesAndGoesWithIt() throws Exception {
        seedData();
        batch(onColumn(10, "total", 2), onColumn(11, "qty", 1));

        batch(new Request().setInsertDimension(new InsertDimensionRequest().setRange(dims(0, "COLUMNS", 0, 2))));
        assertEquals(dims(0, "COLUMNS", 4, 5), get(10).getLocation().getDimensionRange());
        assertEquals(dims(0, "COLUMNS", 3, 4), get(11).getLocation().getDimensionRange());

        batch(new Request()
                .setMoveDimension(new MoveDimensionRequest()
                        .setSource(dims(0, "COLUMNS", 4, 5))
                        .setDestinationIndex(0)));
        assertEquals(dims(0, "COLUMNS", 0, 1), get(10).getLocation().getDimensionRange());
        assertEquals(dims(0, "COLUMNS", 4, 5), get(11).getLocation().getDimensionRange());

        batch(new Request().setDeleteDimension(new DeleteDimensionRequest().setRange(dims(0, "COLUMNS", 4, 5))));
        assertEquals(
                List.of(10),
                search(byKey("total"), byKey("qty")).stream()
                        .map(m -> m.getDeveloperMetadata().getMetadataId())
                        .toList());
    }

    @Test
    void rowMetadataFollowsRowsInsertedAboveIt() throws Exception {
        seedData();
        batch(create(3, "row", "OT-1", new DeveloperMetadataLocation().setDimensionRange(dims(0, "ROWS", 4, 5))));
        emu.edit("s1", """
            [{"insertDimension":{"range":{"sheetId":0,"dimension":"ROWS","startIndex":0,"endIndex":1}}}]""");
        assertEquals(dims(0, "ROWS", 5, 6), get(3).getLocation().getDimensionRange());
        emu.edit("s1", """
            [{"deleteDimension":{"range":{"sheetId":0,"dimension":"ROWS","startIndex":5,"endIndex":6}}}]""");
        assertTrue(search(byKey("row")).isEmpty());
    }

    @Test
    void shrinkingTheGridDeletesTheMetadataOfTheColumnsCutOff() throws Exception {
        seedData();
        batch(onColumn(1, "last", 4), onColumn(2, "first", 0));
        emu.edit("s1", """
            [{"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"columnCount":3}},
              "fields":"gridProperties.columnCount"}}]""");
        assertEquals(
                List.of(2),
                search(byKey("last"), byKey("first")).stream()
                        .map(m -> m.getDeveloperMetadata().getMetadataId())
                        .toList());
    }

    @Test
    void updateAndDeleteSelectByDataFilterAndReplyWithWhatTheyChanged() throws Exception {
        seedData();
        batch(onColumn(1, "col", 0), onColumn(2, "col", 1), onColumn(3, "other", 2));

        BatchUpdateSpreadsheetResponse updated = batch(new Request()
                .setUpdateDeveloperMetadata(new UpdateDeveloperMetadataRequest()
                        .setDataFilters(List.of(byKey("col")))
                        .setDeveloperMetadata(new DeveloperMetadata().setMetadataValue("renamed"))
                        .setFields("metadataValue")));
        List<DeveloperMetadata> changed =
                updated.getReplies().get(0).getUpdateDeveloperMetadata().getDeveloperMetadata();
        assertEquals(
                List.of(1, 2),
                changed.stream().map(DeveloperMetadata::getMetadataId).toList());
        assertEquals("renamed", get(2).getMetadataValue());
        assertNull(get(3).getMetadataValue());

        BatchUpdateSpreadsheetResponse deleted = batch(new Request()
                .setDeleteDeveloperMetadata(
                        new DeleteDeveloperMetadataRequest().setDataFilter(new DataFilter().setA1Range("Data!B1"))));
        assertEquals(
                List.of(2),
                deleted.getReplies().get(0).getDeleteDeveloperMetadata().getDeletedDeveloperMetadata().stream()
                        .map(DeveloperMetadata::getMetadataId)
                        .toList());
        assertEquals(2, search(new DataFilter().setA1Range("Data!A:E")).size());
    }

    @Test
    void aRangeReachesSheetAndColumnMetadataOnItsSheetButNotSpreadsheetMetadata() throws Exception {
        seedData();
        batch(
                onColumn(1, "col", 1),
                create(2, "tab", null, new DeveloperMetadataLocation().setSheetId(0)),
                create(3, "book", null, new DeveloperMetadataLocation().setSpreadsheet(true)),
                create(4, "other", null, new DeveloperMetadataLocation().setSheetId(4)));
        batch(new Request()
                .setDeleteDeveloperMetadata(
                        new DeleteDeveloperMetadataRequest().setDataFilter(new DataFilter().setA1Range("Data!B2"))));
        assertEquals(
                List.of(3, 4),
                search(new DataFilter()
                                .setDeveloperMetadataLookup(new DeveloperMetadataLookup()
                                        .setMetadataLocation(new DeveloperMetadataLocation().setSpreadsheet(true))))
                        .stream()
                        .map(m -> m.getDeveloperMetadata().getMetadataId())
                        .toList());
    }

    @Test
    void searchReturnsEachMatchOnceWithEveryFilterThatMatchedIt() throws Exception {
        seedData();
        batch(onColumn(1, "col", 0), create(2, "tab", null, new DeveloperMetadataLocation().setSheetId(4)));
        DataFilter location = new DataFilter()
                .setDeveloperMetadataLookup(new DeveloperMetadataLookup()
                        .setMetadataLocation(
                                new DeveloperMetadataLocation().setDimensionRange(dims(0, "COLUMNS", 0, 1)))
                        .setLocationMatchingStrategy("EXACT_LOCATION"));
        List<MatchedDeveloperMetadata> matched = search(byKey("col"), location, byKey("none"));
        assertEquals(1, matched.size());
        assertEquals(List.of(byKey("col"), location), matched.get(0).getDataFilters());
        assertEquals(
                List.of(2),
                search(new DataFilter()
                                .setDeveloperMetadataLookup(new DeveloperMetadataLookup().setLocationType("SHEET")))
                        .stream()
                        .map(m -> m.getDeveloperMetadata().getMetadataId())
                        .toList());
    }

    @Test
    void getRendersMetadataAtEachLevelUnderTheFieldMask() throws Exception {
        seedData();
        batch(
                onColumn(1, "total", 2),
                create(2, "tab", "t", new DeveloperMetadataLocation().setSheetId(0)),
                create(3, "book", "b", new DeveloperMetadataLocation().setSpreadsheet(true)));
        Spreadsheet got = sheets.spreadsheets()
                .get("s1")
                .setRanges(List.of("'Data'!1:1"))
                .setFields(
                        "developerMetadata(metadataId),sheets(properties(sheetId,title),developerMetadata(metadataKey),"
                                + "data(startRow,startColumn,columnMetadata(developerMetadata(metadataId,metadataKey,metadataValue)),"
                                + "rowData(values(formattedValue))))")
                .execute();
        assertEquals(3, got.getDeveloperMetadata().get(0).getMetadataId());
        assertEquals("tab", got.getSheets().get(0).getDeveloperMetadata().get(0).getMetadataKey());
        GridData block = got.getSheets().get(0).getData().get(0);
        assertEquals(5, block.getColumnMetadata().size());
        assertNull(block.getColumnMetadata().get(0).getDeveloperMetadata());
        assertEquals(
                new DeveloperMetadata().setMetadataId(1).setMetadataKey("total"),
                block.getColumnMetadata().get(2).getDeveloperMetadata().get(0));
        assertNull(block.getColumnMetadata().get(2).getPixelSize());
        assertEquals("total", block.getRowData().get(0).getValues().get(2).getFormattedValue());
    }

    @Test
    void fullGridDataCarriesDefaultPixelSizesPerRowAndColumn() throws Exception {
        seedData();
        GridData block = sheets.spreadsheets()
                .get("s1")
                .setRanges(List.of("Other!A1:B3"))
                .setIncludeGridData(true)
                .execute()
                .getSheets()
                .get(0)
                .getData()
                .get(0);
        assertEquals(3, block.getRowMetadata().size());
        assertEquals(21, block.getRowMetadata().get(0).getPixelSize());
        assertEquals(100, block.getColumnMetadata().get(1).getPixelSize());
    }

    @Test
    void dumpsCarryMetadataAndSeedsReadItBack() {
        seedData();
        emu.edit("s1", """
            [{"createDeveloperMetadata":{"developerMetadata":{"metadataId":9,"metadataKey":"total","metadataValue":"v",
               "location":{"dimensionRange":{"sheetId":0,"dimension":"COLUMNS","startIndex":2,"endIndex":3}},
               "visibility":"DOCUMENT"}}},
             {"createDeveloperMetadata":{"developerMetadata":{"metadataId":8,"metadataKey":"row",
               "location":{"dimensionRange":{"sheetId":4,"dimension":"ROWS","startIndex":1,"endIndex":2}},
               "visibility":"PROJECT"}}},
             {"createDeveloperMetadata":{"developerMetadata":{"metadataId":7,"metadataKey":"book",
               "location":{"spreadsheet":true},"visibility":"DOCUMENT"}}}]""");
        var dump = emu.dump("s1");
        assertEquals(
                JsonParser.parseString("[{\"metadataId\":7,\"metadataKey\":\"book\",\"visibility\":\"DOCUMENT\"}]"),
                dump.get("developerMetadata"));
        assertEquals(
                JsonParser.parseString("[{\"metadataId\":9,\"metadataKey\":\"total\",\"metadataValue\":\"v\","
                        + "\"visibility\":\"DOCUMENT\",\"column\":\"C\"}]"),
                dump.getAsJsonArray("sheets").get(0).getAsJsonObject().get("developerMetadata"));
        assertEquals(
                JsonParser.parseString(
                        "[{\"metadataId\":8,\"metadataKey\":\"row\",\"visibility\":\"PROJECT\",\"row\":2}]"),
                dump.getAsJsonArray("sheets").get(1).getAsJsonObject().get("developerMetadata"));
        emu.seed(dump);
        assertEquals(dump, emu.dump("s1"));
    }

    private static DeveloperMetadata get(int id) throws Exception {
        return sheets.spreadsheets().developerMetadata().get("s1", id).execute();
    }
}
