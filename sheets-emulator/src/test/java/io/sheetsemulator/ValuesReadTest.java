package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.sheetsemulator.control.FaultRule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesReadTest extends EmulatorFixture {

    @Test
    void formattedValuesAreStringsWithTrailingEmptiesTrimmedAndInnerEmptiesBlank() throws Exception {
        seedSmall();
        ValueRange range =
                sheets.spreadsheets().values().get("s1", "Sheet1!A1:E5").execute();
        assertEquals("Sheet1!A1:E5", range.getRange());
        assertEquals("ROWS", range.getMajorDimension());
        assertEquals(
                List.of(
                        List.of("name", "qty", "ok", "when"),
                        List.of("bolt", "12", "TRUE", "15/03/2023"),
                        List.of("nut", "3.5", "FALSE"),
                        List.of(),
                        List.of("washer", "", "", "", "x")),
                range.getValues());
    }

    @Test
    void unformattedValuesKeepNumbersAndBooleans() throws Exception {
        seedSmall();
        ValueRange range = sheets.spreadsheets()
                .values()
                .get("s1", "Sheet1!B2:D2")
                .setValueRenderOption("UNFORMATTED_VALUE")
                .execute();
        assertEquals(List.of(List.of(new BigDecimal("12"), true, new BigDecimal("45000"))), range.getValues());
    }

    @Test
    void columnsMajorDimensionTransposes() throws Exception {
        seedSmall();
        ValueRange range = sheets.spreadsheets()
                .values()
                .get("s1", "Sheet1!A1:B3")
                .setMajorDimension("COLUMNS")
                .execute();
        assertEquals(List.of(List.of("name", "bolt", "nut"), List.of("qty", "12", "3.5")), range.getValues());
    }

    @Test
    void echoedRangesAreCanonicalAndClampedToTheGrid() throws Exception {
        seedSmall();
        String[][] cases = {
            {"Sheet1", "Sheet1!A1:Z1000"},
            {"A:A", "Sheet1!A1:A1000"},
            {"1:1", "Sheet1!A1:Z1"},
            {"Sheet1!A2:A", "Sheet1!A2:A1000"},
            {"'Sheet1'!A1:A1", "Sheet1!A1"},
            {"A1:AA5", "Sheet1!A1:Z5"},
            {"'My Sheet'!b1:c", "'My Sheet'!B1:C10"},
            {"sheet1!c3", "Sheet1!C3"},
        };
        for (String[] c : cases) {
            assertEquals(
                    c[1],
                    sheets.spreadsheets().values().get("s1", c[0]).execute().getRange(),
                    c[0]);
        }
    }

    @Test
    void rangePastTheDataHasNoValuesKey() throws Exception {
        seedSmall();
        ValueRange range =
                sheets.spreadsheets().values().get("s1", "Sheet1!A100:C200").execute();
        assertNull(range.getValues());
    }

    @Test
    void batchGetAnswersInRequestOrder() throws Exception {
        seedSmall();
        BatchGetValuesResponse response = sheets.spreadsheets()
                .values()
                .batchGet("s1")
                .setRanges(List.of("'My Sheet'!A1:B2", "Sheet1!A1"))
                .execute();
        assertEquals("s1", response.getSpreadsheetId());
        assertEquals(2, response.getValueRanges().size());
        assertEquals("'My Sheet'!A1:B2", response.getValueRanges().get(0).getRange());
        assertEquals(
                List.of(List.of("a", "b"), List.of("c")),
                response.getValueRanges().get(0).getValues());
        assertEquals(List.of(List.of("name")), response.getValueRanges().get(1).getValues());
    }

    @Test
    void rangeStartingPastTheGridIsRejectedOnRead() {
        seedSmall();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Range (Sheet1!AA1:AB5) exceeds grid limits. Max rows: 1000, max columns: 26",
                () -> sheets.spreadsheets().values().get("s1", "Sheet1!AA1:AB5").execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Range ('My Sheet'!A11) exceeds grid limits. Max rows: 10, max columns: 5",
                () -> sheets.spreadsheets().values().get("s1", "'My Sheet'!A11").execute());
    }

    @Test
    void unknownSheetOrMalformedRangeCannotBeParsed() {
        seedSmall();
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Unable to parse range: Nope!A1",
                () -> sheets.spreadsheets().values().get("s1", "Nope!A1").execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Unable to parse range: Sheet1!A0",
                () -> sheets.spreadsheets().values().get("s1", "Sheet1!A0").execute());
        assertApiError(
                400,
                "INVALID_ARGUMENT",
                "Unable to parse range: 'A1'",
                () -> sheets.spreadsheets().values().get("s1", "'A1'").execute());
    }

    @Test
    void unknownSpreadsheetIsNotFound() {
        assertApiError(
                404,
                "NOT_FOUND",
                "Requested entity was not found.",
                () -> sheets.spreadsheets().values().get("missing", "A1").execute());
    }

    /** Sheets adds the legacy errors[] array only when asked with $.xgafv=1, which the Java client never sends. */
    @Test
    void errorBodiesCarryNoLegacyErrorsArray() {
        seedSmall();
        assertNull(assertApiError(
                        404,
                        "NOT_FOUND",
                        "Requested entity was not found.",
                        () -> sheets.spreadsheets().get("missing").execute())
                .getDetails()
                .getErrors());
        assertNull(assertApiError(
                        400,
                        "INVALID_ARGUMENT",
                        "Unable to parse range: Nope!A1",
                        () -> sheets.spreadsheets()
                                .values()
                                .get("s1", "Nope!A1")
                                .execute())
                .getDetails()
                .getErrors());
        emu.addFault(FaultRule.on("values.get").status(403));
        assertNull(assertApiError(
                        403,
                        "PERMISSION_DENIED",
                        "The caller does not have permission",
                        () -> sheets.spreadsheets().values().get("s1", "A1").execute())
                .getDetails()
                .getErrors());
    }
}
