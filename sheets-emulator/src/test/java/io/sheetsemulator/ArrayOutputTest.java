package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cells filled by an array formula elsewhere: a value shown, no value entered. */
class ArrayOutputTest extends EmulatorFixture {

    @BeforeEach
    void seedArrayOutput() {
        emu.seed("""
        {"spreadsheetId":"arr","sheets":[{"title":"Ops","rowCount":10,"columnCount":4,
          "rows":[["TAG",{"computed":"Total_Uniones"}],["SP-1",{"computed":12},{"computed":true}],
                  ["SP-2",{"computed":0.5},null,{"computed":"=not a formula"}]],
          "formats":[{"range":"B3","type":"NUMBER","pattern":"0.00"}]}]}
        """);
    }

    private static List<CellData> row(int index) throws Exception {
        return sheets.spreadsheets()
                .get("arr")
                .setRanges(List.of("Ops!A1:D3"))
                .setFields("sheets.data.rowData.values(userEnteredValue,effectiveValue,formattedValue)")
                .execute()
                .getSheets()
                .get(0)
                .getData()
                .get(0)
                .getRowData()
                .get(index)
                .getValues();
    }

    @Test
    void gridDataHasEffectiveAndFormattedValuesButNoEnteredValue() throws Exception {
        CellData header = row(0).get(1);
        assertNull(header.getUserEnteredValue());
        assertEquals(new ExtendedValue().setStringValue("Total_Uniones"), header.getEffectiveValue());
        assertEquals("Total_Uniones", header.getFormattedValue());
        List<CellData> second = row(1);
        assertEquals(new ExtendedValue().setStringValue("SP-1"), second.get(0).getUserEnteredValue());
        assertNull(second.get(1).getUserEnteredValue());
        assertEquals(12.0, second.get(1).getEffectiveValue().getNumberValue());
        assertEquals("12", second.get(1).getFormattedValue());
        assertEquals(true, second.get(2).getEffectiveValue().getBoolValue());
        assertEquals("TRUE", second.get(2).getFormattedValue());
        assertEquals("0.50", row(2).get(1).getFormattedValue());
    }

    @Test
    void valuesReadsShowTheValueInEveryRender() throws Exception {
        assertEquals(
                List.of(
                        List.of("TAG", "Total_Uniones"),
                        List.of("SP-1", "12", "TRUE"),
                        List.of("SP-2", "0.50", "", "=not a formula")),
                read("FORMATTED_VALUE"));
        List<List<Object>> raw = List.of(
                List.of("TAG", "Total_Uniones"),
                List.of("SP-1", new BigDecimal("12"), true),
                List.of("SP-2", new BigDecimal("0.5"), "", "=not a formula"));
        assertEquals(raw, read("UNFORMATTED_VALUE"));
        // FORMULA render: such a cell holds no formula, so it reads as its value.
        assertEquals(raw, read("FORMULA"));
    }

    @Test
    void aWrittenValueBecomesTheEnteredValueAndClearingLeavesTheOutput() throws Exception {
        sheets.spreadsheets()
                .values()
                .update("arr", "Ops!B2:C2", new ValueRange().setValues(List.of(List.of(0, ""))))
                .setValueInputOption("RAW")
                .execute();
        List<CellData> second = row(1);
        assertEquals(new ExtendedValue().setNumberValue(0.0), second.get(1).getUserEnteredValue());
        assertNull(second.get(2).getUserEnteredValue());
        assertEquals(true, second.get(2).getEffectiveValue().getBoolValue());
    }

    @Test
    void dumpsRoundTripComputedCells() {
        JsonObject sheet = emu.dump("arr").getAsJsonArray("sheets").get(0).getAsJsonObject();
        assertEquals(JsonParser.parseString("""
                [["TAG",{"computed":"Total_Uniones"}],["SP-1",{"computed":12},{"computed":true}],
                 ["SP-2",{"computed":0.5},null,{"computed":"=not a formula"}]]"""), sheet.get("rows"));
        JsonObject before = emu.dump("arr");
        emu.seed(before);
        assertEquals(before, emu.dump("arr"));
    }

    private static List<List<Object>> read(String render) throws Exception {
        return sheets.spreadsheets()
                .values()
                .get("arr", "Ops!A1:D3")
                .setValueRenderOption(render)
                .execute()
                .getValues();
    }
}
