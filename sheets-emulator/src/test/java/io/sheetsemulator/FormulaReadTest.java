package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.ErrorValue;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Formulas through the real client: evaluated for values and effective values, as typed for FORMULA. */
class FormulaReadTest extends EmulatorFixture {

    @BeforeEach
    void seedFormulas() {
        emu.seed("""
        {"spreadsheetId":"fx","sheets":[{"title":"Ops","rowCount":10,"columnCount":6,
          "rows":[["=\\"Total_\\"&\\"Uniones\\"","=\\"\\"","=1/1024","=A3/0","=SUM(A2:B3)","=VLOOKUP(1,A2:B3,2)"],
                  [1,2],[3,"4"]],
          "formats":[{"range":"C1","type":"NUMBER","pattern":"0.00"}]}]}
        """);
    }

    private static List<CellData> firstRow() throws Exception {
        return sheets.spreadsheets()
                .get("fx")
                .setRanges(List.of("Ops!A1:F1"))
                .setFields("sheets.data.rowData.values(userEnteredValue,effectiveValue,formattedValue)")
                .execute()
                .getSheets()
                .get(0)
                .getData()
                .get(0)
                .getRowData()
                .get(0)
                .getValues();
    }

    @Test
    void gridDataCarriesTheFormulaAndWhatItShows() throws Exception {
        List<CellData> cells = firstRow();
        assertEquals(
                new ExtendedValue().setFormulaValue("=\"Total_\"&\"Uniones\""),
                cells.get(0).getUserEnteredValue());
        assertEquals(
                new ExtendedValue().setStringValue("Total_Uniones"),
                cells.get(0).getEffectiveValue());
        assertEquals("Total_Uniones", cells.get(0).getFormattedValue());
        assertEquals(new ExtendedValue().setStringValue(""), cells.get(1).getEffectiveValue());
        assertEquals("", cells.get(1).getFormattedValue());
        assertEquals(0.0009765625, cells.get(2).getEffectiveValue().getNumberValue());
        assertEquals("0.00", cells.get(2).getFormattedValue());
        assertEquals(
                new ErrorValue().setType("DIVIDE_BY_ZERO").setMessage("Function DIVIDE parameter 2 cannot be zero."),
                cells.get(3).getEffectiveValue().getErrorValue());
        assertEquals("#DIV/0!", cells.get(3).getFormattedValue());
        assertEquals(6.0, cells.get(4).getEffectiveValue().getNumberValue());
        // Outside the evaluated subset a formula shows its own text.
        assertEquals("=VLOOKUP(1,A2:B3,2)", cells.get(5).getFormattedValue());
        assertNull(cells.get(5).getEffectiveValue().getNumberValue());
    }

    @Test
    void valuesReadsEvaluateExceptInFormulaRender() throws Exception {
        assertEquals(
                List.of(List.of("Total_Uniones", "", "0.00", "#DIV/0!", "6", "=VLOOKUP(1,A2:B3,2)")),
                read("FORMATTED_VALUE"));
        assertEquals(
                List.of(List.of(
                        "Total_Uniones",
                        "",
                        new BigDecimal("0.0009765625"),
                        "#DIV/0!",
                        new BigDecimal("6"),
                        "=VLOOKUP(1,A2:B3,2)")),
                read("UNFORMATTED_VALUE"));
        assertEquals(
                List.of(List.of(
                        "=\"Total_\"&\"Uniones\"", "=\"\"", "=1/1024", "=A3/0", "=SUM(A2:B3)", "=VLOOKUP(1,A2:B3,2)")),
                read("FORMULA"));
    }

    @Test
    void aFormulaWrittenUserEnteredReadsBackEvaluatedAndFollowsItsInputs() throws Exception {
        sheets.spreadsheets()
                .values()
                .update("fx", "Ops!C2", new ValueRange().setValues(List.of(List.of("= A2 + B2 * 10"))))
                .setValueInputOption("USER_ENTERED")
                .execute();
        assertEquals("21", value("Ops!C2"));
        sheets.spreadsheets()
                .values()
                .update("fx", "Ops!A2", new ValueRange().setValues(List.of(List.of(5))))
                .setValueInputOption("RAW")
                .execute();
        assertEquals("25", value("Ops!C2"));
    }

    private static Object value(String cell) throws Exception {
        return sheets.spreadsheets()
                .values()
                .get("fx", cell)
                .execute()
                .getValues()
                .get(0)
                .get(0);
    }

    private static List<List<Object>> read(String render) throws Exception {
        return sheets.spreadsheets()
                .values()
                .get("fx", "Ops!A1:F1")
                .setValueRenderOption(render)
                .execute()
                .getValues();
    }
}
