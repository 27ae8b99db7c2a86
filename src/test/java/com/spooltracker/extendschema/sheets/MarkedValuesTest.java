package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A values.batchGetByDataFilter answer: the header row and each whole column, by the A1 range Google names. */
class MarkedValuesTest {
    /** {@code json} with {@code `} for each double quote; the sheet is {@code Jon's}, which A1 quotes as {@code 'Jon''s'}. */
    private static MarkedValues read(String json) throws IOException {
        return MarkedValues.of(ValueColumns.matched(new StringReader(json.replace('`', '"'))), "Jon's");
    }

    @Test
    void eachColumnIsKnownByItsRangeAndTheHeaderRowByItsShape() throws IOException {
        MarkedValues values = read("{`valueRanges`:["
                + "{`valueRange`:{`range`:`'Jon''s'!A1:C1`,`majorDimension`:`COLUMNS`,`values`:[[`ID`],[`OT`],[`DN`]]}},"
                + "{`valueRange`:{`range`:`'Jon''s'!B1:B9`,`majorDimension`:`COLUMNS`,`values`:[[`OT`,7]]}},"
                + "{`valueRange`:{`range`:`Other!C1:C9`,`majorDimension`:`COLUMNS`,`values`:[[`x`,1]]}},"
                + "{`valueRange`:{`range`:`'Jon''s'!D1:D9`,`majorDimension`:`COLUMNS`}}]}");

        assertEquals(List.of(List.of("ID"), List.of("OT"), List.of("DN")), values.header());
        assertEquals(Map.of(1, List.of(new BigDecimal("7")), 3, List.of()), values.columns());
    }

    @Test
    void anAnswerWithoutTheHeaderRowIsNotGooglesAnswer() {
        assertThrows(
                IllegalStateException.class,
                () -> read("{`valueRanges`:[{`valueRange`:{`range`:`'Jon''s'!B1:B9`,`values`:[[`OT`,7]]}}]}"));
    }
}
