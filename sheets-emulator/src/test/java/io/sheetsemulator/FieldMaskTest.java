package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.wire.FieldMask;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldMaskTest {

    private static final String DOC = """
      {"spreadsheetId":"s","properties":{"title":"T","locale":"en_US"},
       "sheets":[
         {"properties":{"sheetId":0,"title":"A","index":0,"gridProperties":{"rowCount":5,"columnCount":2}},
          "data":[{"startRow":1,"rowData":[{"values":[{"userEnteredValue":{"numberValue":1},"formattedValue":"1"}]}]}]},
         {"properties":{"sheetId":7,"title":"B","gridProperties":{"rowCount":9,"columnCount":3}}}]}
      """;

    /** mask | expected JSON after pruning DOC. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "spreadsheetId | {'spreadsheetId':'s'}",
                "properties.title | {'properties':{'title':'T'}}",
                "properties/title,spreadsheetId | {'spreadsheetId':'s','properties':{'title':'T'}}",
                "sheets.properties.title | {'sheets':[{'properties':{'title':'A'}},{'properties':{'title':'B'}}]}",
                "sheets(properties(sheetId,gridProperties(rowCount))) | "
                        + "{'sheets':[{'properties':{'sheetId':0,'gridProperties':{'rowCount':5}}},"
                        + "{'properties':{'sheetId':7,'gridProperties':{'rowCount':9}}}]}",
                "sheets(data(startRow,rowData(values(userEnteredValue)))) | "
                        + "{'sheets':[{'data':[{'startRow':1,'rowData':[{'values':[{'userEnteredValue':{'numberValue':1}}]}]}]},{}]}",
                "sheets.properties.title,sheets.properties.sheetId | "
                        + "{'sheets':[{'properties':{'sheetId':0,'title':'A'}},{'properties':{'sheetId':7,'title':'B'}}]}",
                "properties,properties.title | {'properties':{'title':'T','locale':'en_US'}}",
                "properties(*) | {'properties':{'title':'T','locale':'en_US'}}",
                "nothere | {}",
            })
    void prunesToTheSelectedFields(String mask, String expected) {
        assertEquals(
                JsonParser.parseString(expected.replace('\'', '"')),
                FieldMask.parse(mask).prune(JsonParser.parseString(DOC)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "sheets(data) | sheets.data | true",
                "sheets.data.rowData | sheets.data | true",
                "sheets(properties) | sheets.data | false",
                "* | sheets.data | true",
                "sheets(*) | sheets.data | true",
                "spreadsheetId | sheets | false",
            })
    void tellsWhetherAPathIsSelected(String mask, String path, boolean selected) {
        assertEquals(selected, FieldMask.parse(mask).selects(path.split("\\.")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gridProperties.columnCount | gridProperties.columnCount",
                "gridProperties(rowCount,columnCount),title | gridProperties.rowCount;gridProperties.columnCount;title",
                "* | *",
                "userEnteredFormat.numberFormat | userEnteredFormat.numberFormat",
            })
    void listsLeafPathsForRequestFields(String mask, String leaves) {
        assertEquals(List.of(leaves.split(";")), FieldMask.parse(mask).leafPaths());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "a,", "a(b", "a)b", "a..b", "(a)", "a b"})
    void rejectsMalformedMasks(String mask) {
        SheetsError e = assertThrows(SheetsError.class, () -> FieldMask.parse(mask));
        assertEquals(400, e.httpStatus());
    }
}
