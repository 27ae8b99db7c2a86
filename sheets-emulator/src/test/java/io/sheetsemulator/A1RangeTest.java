package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sheetsemulator.model.A1Range;
import io.sheetsemulator.model.ColumnLetters;
import io.sheetsemulator.model.SheetTitles;
import io.sheetsemulator.model.SheetsError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class A1RangeTest {

    /** text | sheet | startRow | startColumn | endRow | endColumn | singleCell | canonical ("-" = null). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            quoteCharacter = '"',
            value = {
                "Sheet1!A1:B2         | Sheet1   | 0 | 0  | 2 | 2  | false | Sheet1!A1:B2",
                "A1                   | -        | 0 | 0  | 1 | 1  | true  | A1",
                "b7                   | -        | 6 | 1  | 7 | 2  | true  | B7",
                "'My Sheet'!A1        | My Sheet | 0 | 0  | 1 | 1  | true  | 'My Sheet'!A1",
                "'Jon''s Data'!A:A    | Jon's Data | 0 | 0 | - | 1 | false | 'Jon''s Data'!A:A",
                "Sheet1!A:A           | Sheet1   | 0 | 0  | - | 1  | false | Sheet1!A:A",
                "Sheet1!1:2           | Sheet1   | 0 | 0  | 2 | -  | false | Sheet1!1:2",
                "Operaciones!BP2:BT   | Operaciones | 1 | 67 | - | 72 | false | Operaciones!BP2:BT",
                "A5:A                 | -        | 4 | 0  | - | 1  | false | A5:A",
                "Sheet1               | Sheet1   | 0 | 0  | - | -  | false | Sheet1",
                "'My Sheet'           | My Sheet | 0 | 0  | - | -  | false | 'My Sheet'",
                "B2:A1                | -        | 0 | 0  | 2 | 2  | false | A1:B2",
                "zz10:aaa20           | -        | 9 | 701 | 20 | 703 | false | ZZ10:AAA20",
                "A                    | A        | 0 | 0  | - | -  | false | A",
                "'A1'                 | A1       | 0 | 0  | - | -  | false | 'A1'",
            })
    void parsesA1Notation(
            String text,
            String sheet,
            int startRow,
            int startColumn,
            Integer endRow,
            Integer endColumn,
            boolean singleCell,
            String canonical) {
        A1Range range = A1Range.parse(text);
        assertEquals(new A1Range(sheet, startRow, startColumn, endRow, endColumn, singleCell), range);
        assertEquals(canonical, range.toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                "Sheet1!",
                "!A1",
                "'unterminated!A1",
                "'Sheet'A1",
                "Sheet1!A0",
                "Sheet1!A1:",
                "Sheet1!:B2",
                "Sheet1!A1:B2:C3",
                "Sheet1!AAAA1",
                "Sheet1!1",
                "''!A1"
            })
    void rejectsMalformedRangesQuotingThemAsSent(String text) {
        SheetsError e = assertThrows(SheetsError.class, () -> A1Range.parse(text));
        assertEquals("Unable to parse range: " + text, e.getMessage());
        assertEquals(400, e.httpStatus());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "Sheet1, Sheet1",
                "Operaciones, Operaciones",
                "My Sheet, 'My Sheet'",
                "A1, 'A1'",
                "2024, '2024'",
                "R1C1, 'R1C1'",
                "it's, 'it''s'",
                "_x, _x"
            })
    void quotesSheetTitlesOnlyWhenNeeded(String title, String quoted) {
        assertEquals(quoted, SheetTitles.quoteIfNeeded(title));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"A, 0", "Z, 25", "AA, 26", "AZ, 51", "BO, 66", "BP, 67", "BT, 71", "ZZ, 701", "AAA, 702", "ZZZ, 18277"})
    void convertsColumnLetters(String letters, int index) {
        assertEquals(index, ColumnLetters.toIndex(letters));
        assertEquals(letters, ColumnLetters.of(index));
    }
}
