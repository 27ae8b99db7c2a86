package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void theSpreadsheetsOwnNotesOfTheFunctionComeWithTheGridOthersAreLeftOut() throws IOException {
        GridResponse.Answer answer = GridResponse.answer(
                new StringReader(("{'developerMetadata':[{'metadataId':5,'metadataKey':'extendSchema.history',"
                                + "'metadataValue':'{}'},{'metadataId':6,'metadataKey':'someone.else','metadataValue':'x'}],"
                                + "'sheets':[{'properties':{'sheetId':7,'title':'Ops','gridProperties':{'rowCount':10,"
                                + "'columnCount':3}}}]}")
                        .replace('\'', '"')),
                false);

        assertEquals(
                List.of(new com.spooltracker.extendschema.schema.SpreadsheetNote(5, "extendSchema.history", "{}")),
                answer.notes());
        assertEquals(1, answer.sheets().size());
    }

    @Test
    void headerTextsAreWhatTheSheetDisplays() throws IOException {
        GridResponse.SheetGrid sheet = read("{'sheets':[{'properties':{'sheetId':7,'title':'Ops',"
                        + "'gridProperties':{'rowCount':1000,'columnCount':67}},'data':[{'rowData':[{'values':["
                        + "{'formattedValue':'TAG_SPOOL'},{},{'formattedValue':'2,5'},"
                        + "{'formattedValue':'TRUE'},{'formattedValue':'Total_Uniones','userEnteredValue':{'formulaValue':"
                        + "'=\\\"Total_\\\"&\\\"Uniones\\\"'}}]}]}]}]}")
                .get(0);

        assertEquals(new GridResponse.SheetGrid("Ops", 7, 1000, 67, sheet.blocks()), sheet);
        assertEquals(
                List.of("TAG_SPOOL", "", "2,5", "TRUE", "Total_Uniones"),
                sheet.blocks().get(0).firstRow());
        assertEquals(
                Map.of(0, rows(0), 2, rows(0), 3, rows(0), 4, rows(0)),
                sheet.blocks().get(0).filledRowsByColumn());
    }

    @Test
    void aCellHoldsSomethingWhenItShowsAValueOrHoldsAFormula() throws IOException {
        GridResponse.Block block = read("{'sheets':[{'properties':{'title':'Ops'},'data':[{'rowData':[{'values':["
                        + "{'formattedValue':'0'}," // a value typed
                        + "{'formattedValue':'12'}," // array-formula output: no entered value
                        + "{'userEnteredValue':{'formulaValue':'=\\\"\\\"'}}," // a formula showing nothing
                        + "{'formattedValue':'  '}," // blank-looking text
                        + "{'userEnteredFormat':{}}," // a format only
                        + "{}]}]}]}]}")
                .get(0)
                .blocks()
                .get(0);

        assertEquals(Map.of(0, rows(0), 1, rows(0), 2, rows(0), 3, rows(0)), block.filledRowsByColumn());
        assertEquals(Map.of(0, rows(0), 1, rows(0)), block.shownRowsByColumn());
    }

    @Test
    void filledCellsAreAtAbsolutePositionsEvenWhenTheOffsetsComeLast() throws IOException {
        GridResponse.SheetGrid sheet = read("{'sheets':[{'data':[{'rowData':[{'values':[{'formattedValue':'0'},{}]},"
                        + "{},{'values':[{},{'formattedValue':'x'}]}],"
                        + "'startRow':3,'startColumn':67}],'properties':{'title':'Ops'}}]}")
                .get(0);

        assertEquals(Map.of(67, rows(3), 68, rows(5)), sheet.blocks().get(0).filledRowsByColumn());
    }

    @Test
    void blocksComeInRequestOrderAndEmptyOnesAreKept() throws IOException {
        GridResponse.SheetGrid sheet = read("{'spreadsheetId':'x','sheets':[{'properties':{'title':'Ops'},'data':["
                        + "{'rowData':[{'values':[{'formattedValue':'TAG_SPOOL'}]}]},{},"
                        + "{'startColumn':5,'rowData':[{'values':[{'formattedValue':'x'}]}]}]}]}")
                .get(0);

        assertEquals(3, sheet.blocks().size());
        assertEquals(Map.of(), sheet.blocks().get(1).filledRowsByColumn());
        assertEquals(Map.of(5, rows(0)), sheet.blocks().get(2).filledRowsByColumn());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "null",
                "'sheets'",
                "{'sheets':{}}",
                "{'sheets':[null]}",
                "{'sheets':[{'properties':[]}]}",
                "{'sheets':[{'properties':{'title':'Ops','sheetId':'abc'}}]}",
                "{'sheets':[{'properties':{'title':7}}]}",
                "{'sheets':[{'properties':{'title':'Ops','gridProperties':{'rowCount':1e10}}}]}",
                "{'sheets':[{'properties':{'title':'Ops','gridProperties':{'columnCount':-1}}}]}",
                "{'sheets':[{'properties':{'title':'Ops','gridProperties':{'rowCount':2.5}}}]}",
                "{'sheets':[{'data':[{'rowData':{}}]}]}",
                "{'sheets':[{'data':[{'rowData':[{'values':[7]}]}]}]}",
                "{'sheets':[{'data':[{'rowData':[{'values':[{'formattedValue':{}}]}]}]}]}",
                "{'sheets':[{'data':[{'startRow':'x'}]}]}",
            })
    void answersOfAShapeGoogleDoesNotSendAreUnexpected(String answer) {
        assertThrows(GridResponse.UnexpectedAnswer.class, () -> read(answer));
    }

    @Test
    void withWholeEnteredValuesFormulasAndArrayOutputAreManagedAndLiteralsAreNot() throws IOException {
        String json =
                "{'sheets':[{'properties':{'sheetId':0,'title':'Ops','gridProperties':{'rowCount':9,'columnCount':72}},"
                        + "'data':[{'startColumn':67,'rowData':["
                        + "{'values':[{'formattedValue':'Total_Uniones','userEnteredValue':{'stringValue':'Total_Uniones'}}]},"
                        + "{'values':[{'formattedValue':'3','userEnteredValue':{'numberValue':3}}]},"
                        + "{'values':[{'formattedValue':'2','userEnteredValue':{'formulaValue':'=1+1'}}]},"
                        + "{'values':[{'formattedValue':'5'}]},"
                        + "{'values':[{}]}]}]}]}";

        GridResponse.Block whole = GridResponse.read(new StringReader(json.replace('\'', '"')), true)
                .get(0)
                .blocks()
                .get(0);
        GridResponse.Block narrow = read(json).get(0).blocks().get(0);

        assertEquals(Map.of(67, rows(2, 3)), whole.managedRowsByColumn(), "a formula, and a value with none entered");
        assertEquals(Map.of(67, rows(0, 1, 2, 3)), whole.filledRowsByColumn());
        assertEquals(
                Map.of(67, rows(2)),
                narrow.managedRowsByColumn(),
                "under the migration's narrow mask a literal has no entered value either: only formulas are known");
    }
}
