package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.Sheets;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import io.sheetsemulator.wire.FieldMask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spreadsheets.get renders only what its field mask selects. Whatever the mask, the answer must be
 * the full answer pruned by the general {@link FieldMask#prune}, to the byte.
 */
class MaskedGridReadTest extends EmulatorFixture {

    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private static final List<String> MASKS = List.of(
            "*",
            "spreadsheetId,properties(title,timeZone),spreadsheetUrl",
            "sheets",
            "sheets.properties.gridProperties(rowCount,frozenRowCount)",
            "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),"
                    + "data(startRow,startColumn,rowData(values(userEnteredValue))))",
            "sheets.data",
            "sheets.data(startRow,startColumn)",
            "sheets.data.rowData",
            "sheets.data.rowData.values",
            "sheets.data.rowData.values(*)",
            "sheets.*.rowData.values.userEnteredValue",
            "sheets.data.rowData.values.userEnteredValue.stringValue",
            "sheets.data.rowData.values.userEnteredValue(numberValue,boolValue,formulaValue)",
            "sheets.data.rowData.values.effectiveValue",
            "sheets.data.rowData.values(userEnteredValue,formattedValue)",
            "sheets.data.rowData.values.formattedValue",
            "sheets.data.rowData.values.formattedValue.deeper",
            "sheets.data.rowData.values.userEnteredFormat",
            "sheets.data.rowData.values.userEnteredFormat.numberFormat.pattern",
            "sheets.data.rowData.values.userEnteredFormat(numberFormat(type))",
            "sheets.data.rowData.values.userEnteredValue,sheets.data.rowData.values",
            "sheets.data.rowData.values.nothere");

    private static final List<List<String>> RANGES = List.of(
            List.of(),
            List.of("S!A1:H6"),
            List.of("'Other one'!B1:C2", "S!A:A"),
            List.of("S!2:4", "S!C3", "S!D10:H30"),
            List.of("S!1:1", "S!A:A", "S!E:H"));

    /** The unmasked answers, by ranges; the seed is the same for every test. */
    private static final Map<List<String>, String> FULL = new HashMap<>();

    static Stream<String> masks() {
        return MASKS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("masks")
    void maskedReadIsTheFullReadPruned(String mask) throws Exception {
        emu.seed("""
        {"spreadsheetId":"f","title":"F <&>","sheets":[
          {"title":"S","rowCount":30,"columnCount":8,"frozenRowCount":1,
           "rows":[["t",1.5,true,"=A1&B1",45000.25,-3,1e20,0.1],[null,null,"x"],[],["only"],
                   [null,null,null,null,null,null,null,7],["é \\"q\\" <b>",null,false,"=SUM(B1:B2)",45001,1234567.891,2.5e-7,0.123]],
           "formats":[{"range":"E1:E6","type":"DATE_TIME","pattern":"yyyy-mm-dd hh:mm"},
                      {"range":"F1:F6","type":"NUMBER","pattern":"#,##0.00"},{"range":"G1","type":"SCIENTIFIC"},
                      {"range":"H1:H8","type":"PERCENT"},{"range":"B10:C12","type":"CURRENCY"}]},
          {"title":"Other one","rowCount":5,"columnCount":3,"rows":[["a"],[null,"b"]]}]}
        """);

        for (List<String> ranges : RANGES) {
            String full = FULL.computeIfAbsent(ranges, r -> get(r, null));
            String masked = get(ranges, mask);

            assertEquals(
                    GSON.toJson(FieldMask.parse(mask).prune(JsonParser.parseString(full))), masked, ranges.toString());
        }
    }

    private static String get(List<String> ranges, String mask) {
        Sheets.Spreadsheets.Get get;
        try {
            get = sheets.spreadsheets().get("f").setIncludeGridData(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ranges.isEmpty()) {
            get.setRanges(ranges);
        }
        if (mask != null) {
            get.setFields(mask);
        }
        try {
            return get.executeUnparsed().parseAsString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
