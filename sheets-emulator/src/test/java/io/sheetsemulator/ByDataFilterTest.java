package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.BatchClearValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchClearValuesByDataFilterResponse;
import com.google.api.services.sheets.v4.model.BatchGetValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchGetValuesByDataFilterResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterResponse;
import com.google.api.services.sheets.v4.model.DataFilter;
import com.google.api.services.sheets.v4.model.DataFilterValueRange;
import com.google.api.services.sheets.v4.model.GetSpreadsheetByDataFilterRequest;
import com.google.api.services.sheets.v4.model.GridData;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.UpdateValuesByDataFilterResponse;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** values.batchGetByDataFilter and values.batchUpdateByDataFilter through the real client. */
class ByDataFilterTest extends EmulatorFixture {

    /** Data (10 x 5): OT, qty, total; metadata "total" on column C, "qty" on column B. */
    private static void seedTagged() {
        emu.seed("""
        {"spreadsheetId":"s1","sheets":[
          {"title":"Data","sheetId":0,"rowCount":10,"columnCount":5,"rows":[["OT","qty","total"],[1,2,"x"],[3,4,"y"]],
           "developerMetadata":[{"metadataId":1,"metadataKey":"total","column":"C"},
                                {"metadataId":2,"metadataKey":"qty","column":"B"}]}]}
        """);
    }

    /**
     * One column of values for the column tagged {@code key}; a null is sent as JSON null (the Java client
     * drops a plain null from a list, Data.NULL_STRING is how it sends one).
     */
    private static DataFilterValueRange column(String key, Object... values) {
        Object[] sent = values.clone();
        for (int i = 0; i < sent.length; i++) {
            sent[i] = sent[i] == null ? Data.NULL_STRING : sent[i];
        }
        return new DataFilterValueRange()
                .setDataFilter(DeveloperMetadataTest.byKey(key))
                .setMajorDimension("COLUMNS")
                .setValues(List.of(Arrays.asList(sent)));
    }

    private static BatchUpdateValuesByDataFilterResponse write(DataFilterValueRange... data) throws Exception {
        return sheets.spreadsheets()
                .values()
                .batchUpdateByDataFilter(
                        "s1",
                        new BatchUpdateValuesByDataFilterRequest()
                                .setValueInputOption("USER_ENTERED")
                                .setData(List.of(data)))
                .execute();
    }

    private static List<List<Object>> rows(String range) throws Exception {
        return sheets.spreadsheets().values().get("s1", range).execute().getValues();
    }

    @Test
    void aWriteThroughColumnMetadataLandsInTheColumnAfterAPersonMovedIt() throws Exception {
        seedTagged();
        emu.edit("s1", """
            [{"insertDimension":{"range":{"sheetId":0,"dimension":"COLUMNS","startIndex":0,"endIndex":1}}}]""");

        BatchUpdateValuesByDataFilterResponse response = write(column("total", null, 5, 6));

        assertEquals(
                List.of(List.of("", "OT", "qty", "total"), List.of("", "1", "2", "5"), List.of("", "3", "4", "6")),
                rows("Data!A1:D3"));
        UpdateValuesByDataFilterResponse only = response.getResponses().get(0);
        assertEquals("Data!D1:D3", only.getUpdatedRange());
        assertEquals(2, only.getUpdatedRows());
        assertEquals(1, only.getUpdatedColumns());
        assertEquals(2, only.getUpdatedCells());
        assertEquals(DeveloperMetadataTest.byKey("total"), only.getDataFilter());
        assertNull(only.getUpdatedData());
        assertEquals(2, response.getTotalUpdatedCells());
        assertEquals(1, response.getTotalUpdatedSheets());
    }

    @Test
    void nullsAreSkippedAndAnEmptyStringEmptiesACell() throws Exception {
        seedTagged();
        write(column("qty", null, "", null, 7));
        assertEquals(
                List.of(List.of("OT", "qty"), List.of("1"), List.of("3", "4"), List.of("", "7")), rows("Data!A1:B4"));
    }

    @Test
    void valuesLongerThanTheMatchedColumnAreRefusedAndNothingIsWritten() throws Exception {
        seedTagged();
        String before = emu.dump("s1").toString();
        Object[] eleven = new Object[11];
        Arrays.fill(eleven, 1);
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Invalid data[1]: Requested writing within range [Data!C1:C10], but tried writing to row [11]",
                () -> write(column("qty", 9), column("total", eleven)));
        assertEquals(before, emu.dump("s1").toString());
    }

    @Test
    void aFilterMatchingNothingWritesNothingAndAddsNoResponse() throws Exception {
        seedTagged();
        BatchUpdateValuesByDataFilterResponse response = write(column("gone", 1, 2), column("qty", "q"));
        assertEquals(1, response.getResponses().size());
        assertEquals(
                DeveloperMetadataTest.byKey("qty"),
                response.getResponses().get(0).getDataFilter());
        assertEquals(1, response.getTotalUpdatedCells());
        BatchUpdateValuesByDataFilterResponse none = write(column("gone", 1));
        assertNull(none.getResponses());
        assertNull(none.getTotalUpdatedCells());
    }

    @Test
    void updatedDataShowsTheWholeMatchedRangeAfterTheWrite() throws Exception {
        seedTagged();
        BatchUpdateValuesByDataFilterResponse response = sheets.spreadsheets()
                .values()
                .batchUpdateByDataFilter(
                        "s1",
                        new BatchUpdateValuesByDataFilterRequest()
                                .setValueInputOption("RAW")
                                .setIncludeValuesInResponse(true)
                                .setData(List.of(new DataFilterValueRange()
                                        .setDataFilter(new DataFilter().setA1Range("Data!A2:B3"))
                                        .setValues(List.of(List.of("n"))))))
                .execute();
        assertEquals("Data!A2", response.getResponses().get(0).getUpdatedRange());
        assertEquals(
                "Data!A2:B3", response.getResponses().get(0).getUpdatedData().getRange());
        assertEquals(
                List.of(List.of("n", "2"), List.of("3", "4")),
                response.getResponses().get(0).getUpdatedData().getValues());
    }

    @Test
    void batchGetReturnsEachMatchedRangeOnceWithTheFiltersThatMatchedIt() throws Exception {
        seedTagged();
        DataFilter total = DeveloperMetadataTest.byKey("total");
        DataFilter grid = new DataFilter()
                .setGridRange(new GridRange()
                        .setSheetId(0)
                        .setStartRowIndex(0)
                        .setEndRowIndex(10)
                        .setStartColumnIndex(2)
                        .setEndColumnIndex(3));
        BatchGetValuesByDataFilterResponse response = sheets.spreadsheets()
                .values()
                .batchGetByDataFilter(
                        "s1",
                        new BatchGetValuesByDataFilterRequest()
                                .setMajorDimension("COLUMNS")
                                .setDataFilters(List.of(
                                        total,
                                        grid,
                                        DeveloperMetadataTest.byKey("gone"),
                                        new DataFilter().setA1Range("Data!A1:A2"))))
                .execute();
        assertEquals(2, response.getValueRanges().size());
        assertEquals(List.of(total, grid), response.getValueRanges().get(0).getDataFilters());
        assertEquals(
                "Data!C1:C10", response.getValueRanges().get(0).getValueRange().getRange());
        assertEquals(
                List.of(List.of("total", "x", "y")),
                response.getValueRanges().get(0).getValueRange().getValues());
        assertEquals(
                "Data!A1:A2", response.getValueRanges().get(1).getValueRange().getRange());
    }

    @Test
    void getByDataFilterGivesOnlyTheMatchedRangesOfTheSheetsTheyTouch() throws Exception {
        seedTagged();
        emu.edit("s1", "[{\"addSheet\":{\"properties\":{\"title\":\"Other\",\"sheetId\":3}}}]");
        Spreadsheet got = sheets.spreadsheets()
                .getByDataFilter(
                        "s1",
                        new GetSpreadsheetByDataFilterRequest()
                                .setDataFilters(List.of(DeveloperMetadataTest.byKey("total")))
                                .setIncludeGridData(true))
                .setFields("sheets(properties(title),data(startColumn,rowData(values(formattedValue))))")
                .execute();
        assertEquals(1, got.getSheets().size());
        assertEquals("Data", got.getSheets().get(0).getProperties().getTitle());
        GridData block = got.getSheets().get(0).getData().get(0);
        assertEquals(2, block.getStartColumn());
        assertEquals("y", block.getRowData().get(2).getValues().get(0).getFormattedValue());

        Spreadsheet none = sheets.spreadsheets()
                .getByDataFilter(
                        "s1",
                        new GetSpreadsheetByDataFilterRequest()
                                .setDataFilters(List.of(DeveloperMetadataTest.byKey("gone"))))
                .execute();
        assertNull(none.getSheets());
    }

    @Test
    void batchClearByDataFilterClearsTheMatchedColumn() throws Exception {
        seedTagged();
        BatchClearValuesByDataFilterResponse response = sheets.spreadsheets()
                .values()
                .batchClearByDataFilter(
                        "s1",
                        new BatchClearValuesByDataFilterRequest()
                                .setDataFilters(List.of(DeveloperMetadataTest.byKey("qty"))))
                .execute();
        assertEquals(List.of("Data!B1:B10"), response.getClearedRanges());
        assertEquals(List.of(List.of("OT", "", "total"), List.of("1", "", "x")), rows("Data!A1:C2"));
    }

    @Test
    void aWriteByDataFilterIsReportedAsACellWrite() throws Exception {
        seedTagged();
        List<io.sheetsemulator.control.CellWrite> writes = new java.util.ArrayList<>();
        emu.onCellWrite(writes::add);
        try {
            write(column("qty", null, 20));
        } finally {
            emu.onCellWrite(null);
        }
        assertEquals(
                List.of(new io.sheetsemulator.control.CellWrite(
                        "s1",
                        "Data",
                        1,
                        1,
                        "values.batchUpdateByDataFilter",
                        JsonParser.parseString("2"),
                        JsonParser.parseString("20"))),
                writes);
    }

    /**
     * A lookup of column metadata selects that whole column, wherever it has moved: each GridData block
     * says where it starts and has one columnMetadata entry per column it covers ("Metadata about the
     * requested columns in the grid, starting with the column in startColumn", GridData), the mark among
     * them; a header-row range alongside covers every column. The values method names each matched
     * range in A1.
     */
    @Test
    void aColumnLookupSelectsTheWholeColumnWhereverItMovedWithItsColumnMetadata() throws Exception {
        seedTagged();
        emu.edit(
                "s1",
                "[{\"moveDimension\":{\"source\":{\"sheetId\":0,\"dimension\":\"COLUMNS\",\"startIndex\":2,"
                        + "\"endIndex\":3},\"destinationIndex\":0}}]");
        DataFilter columns = new DataFilter()
                .setDeveloperMetadataLookup(new com.google.api.services.sheets.v4.model.DeveloperMetadataLookup()
                        .setMetadataKey("total")
                        .setLocationType("COLUMN"));
        Spreadsheet got = sheets.spreadsheets()
                .getByDataFilter(
                        "s1",
                        new GetSpreadsheetByDataFilterRequest()
                                .setDataFilters(List.of(new DataFilter().setA1Range("Data!1:1"), columns))
                                .setIncludeGridData(true))
                .setFields("sheets(data(startRow,startColumn,columnMetadata(developerMetadata(metadataKey)),"
                        + "rowData(values(formattedValue))))")
                .execute();
        List<GridData> blocks = got.getSheets().get(0).getData();
        assertEquals(2, blocks.size());
        GridData header = blocks.get(0);
        assertEquals(5, header.getColumnMetadata().size());
        assertEquals(1, header.getRowData().size());
        assertEquals(
                "total",
                header.getColumnMetadata().get(0).getDeveloperMetadata().get(0).getMetadataKey());
        GridData column = blocks.get(1);
        assertNull(column.getStartColumn(), "the moved column is now A: a zero is left out");
        assertNull(column.getStartRow(), "from row 1");
        assertEquals(1, column.getColumnMetadata().size());
        assertEquals(
                "total",
                column.getColumnMetadata().get(0).getDeveloperMetadata().get(0).getMetadataKey());
        assertEquals(3, column.getRowData().size(), "down to the last row with a value");
        assertEquals("y", column.getRowData().get(2).getValues().get(0).getFormattedValue());

        BatchGetValuesByDataFilterResponse values = sheets.spreadsheets()
                .values()
                .batchGetByDataFilter("s1", new BatchGetValuesByDataFilterRequest().setDataFilters(List.of(columns)))
                .execute();
        assertEquals(
                "Data!A1:A10", values.getValueRanges().get(0).getValueRange().getRange());
    }

    @Test
    void readsByDataFilterCountAsReads() throws Exception {
        seedTagged();
        emu.resetCounters();
        sheets.spreadsheets()
                .getByDataFilter(
                        "s1",
                        new GetSpreadsheetByDataFilterRequest()
                                .setDataFilters(List.of(DeveloperMetadataTest.byKey("qty"))))
                .execute();
        sheets.spreadsheets()
                .values()
                .batchGetByDataFilter(
                        "s1",
                        new BatchGetValuesByDataFilterRequest()
                                .setDataFilters(List.of(DeveloperMetadataTest.byKey("qty"))))
                .execute();
        write(column("qty", 5));

        assertEquals(2, emu.counters().reads(), emu.counters()::toString);
        assertEquals(1, emu.counters().writes(), emu.counters()::toString);
    }
}
