package io.sheetsemulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number format patterns of up to four sections: positive; negative; zero; text. */
class FormatSectionsTest {
    @ParameterizedTest(name = "{0} under \"{1}\" shows \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "12     | ;;;                 | ''",
                "-12    | ;;;                 | ''",
                "0      | ;;;                 | ''",
                "12     | 0;(0)               | 12",
                "-12    | 0;(0)               | (12)",
                "0      | 0;(0)               | 0",
                "0      | 0;(0);\"zero\"       | zero",
                "-3.5   | 0.0;-0.0;0          | -3.5",
                "1234.5 | #,##0.00            | '1,234.50'"
            })
    void numbersShowTheirSection(double number, String pattern, String shown) {
        assertEquals(shown, FormattedValues.of(new CellValue.Num(number), NumberFormat.of("NUMBER", pattern.strip())));
    }

    @ParameterizedTest(name = "text under \"{0}\" shows \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {"';;;'    | ''", "'0;0;0;@' | SP-0043", "'0;0;0;\"[\"@\"]\"' | [SP-0043]", "'0;(0)'   | SP-0043"})
    void textShowsTheFourthSection(String pattern, String shown) {
        assertEquals(shown, FormattedValues.of(new CellValue.Text("SP-0043"), NumberFormat.of("NUMBER", pattern)));
    }
}
