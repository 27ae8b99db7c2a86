package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridResponseTest {
    private static List<GridResponse.SheetGrid> read(String json) throws IOException {
        return GridResponse.read(new StringReader(json.replace('\'', '"')));
    }

    private static BitSet rows(int... rows) {
        BitSet set = new BitSet();
        for (int row : rows) {
            set.set(row);
        }
        return set;
    }

    @Test
    void headerTextsAreWhatAUserReadsWhateverTheValueKind() throws IOException {
        GridResponse.SheetGrid sheet = read("{'sheets':[{'properties':{'sheetId':7,'title':'Ops',"
                + "'gridProperties':{'rowCount':1000,'columnCount':67}},'data':[{'rowData':[{'values':["
                + "{'userEnteredValue':{'stringValue':'TAG_SPOOL'}},{},{'userEnteredValue':{'numberValue':2.50}},"
                + "{'userEnteredValue':{'boolValue':true}},{'userEnteredValue':{'formulaValue':'=A1'}}]}]}]}]}").get(0);

        assertEquals(new GridResponse.SheetGrid("Ops", 7, 1000, 67, sheet.blocks()), sheet);
        assertEquals(List.of("TAG_SPOOL", "", "2.5", "TRUE", "=A1"), sheet.blocks().get(0).firstRow());
        assertEquals(Map.of(0, rows(0), 2, rows(0), 3, rows(0), 4, rows(0)), sheet.blocks().get(0).filledRowsByColumn());
    }

    @Test
    void filledCellsAreAtAbsolutePositionsEvenWhenTheOffsetsComeLast() throws IOException {
        GridResponse.SheetGrid sheet = read("{'sheets':[{'data':[{'rowData':[{'values':[{'userEnteredValue':"
                + "{'numberValue':0}},{}]},{},{'values':[{},{'userEnteredValue':{'stringValue':''}}]}],"
                + "'startRow':3,'startColumn':67}],'properties':{'title':'Ops'}}]}").get(0);

        assertEquals(Map.of(67, rows(3), 68, rows(5)), sheet.blocks().get(0).filledRowsByColumn());
    }

    @Test
    void blocksComeInRequestOrderAndEmptyOnesAreKept() throws IOException {
        GridResponse.SheetGrid sheet = read("{'spreadsheetId':'x','sheets':[{'properties':{'title':'Ops'},'data':["
                + "{'rowData':[{'values':[{'userEnteredValue':{'stringValue':'TAG_SPOOL'}}]}]},{},"
                + "{'startColumn':5,'rowData':[{'values':[{'userEnteredValue':{'stringValue':'x'}}]}]}]}]}").get(0);

        assertEquals(3, sheet.blocks().size());
        assertEquals(Map.of(), sheet.blocks().get(1).filledRowsByColumn());
        assertEquals(Map.of(5, rows(0)), sheet.blocks().get(2).filledRowsByColumn());
    }
}
