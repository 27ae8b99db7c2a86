package com.spooltracker.extendschema.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnLettersTest {
    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource({
        "0, A",
        "25, Z",
        "26, AA",
        "51, AZ",
        "52, BA",
        "65, BN",
        "66, BO",
        "67, BP",
        "71, BT",
        "701, ZZ",
        "702, AAA",
        "18277, ZZZ"
    })
    void convertsBothWays(int index, String letters) {
        assertEquals(letters, ColumnLetters.of(index));
        assertEquals(index, ColumnLetters.indexOf(letters));
        assertEquals(index, ColumnLetters.indexOf(letters.toLowerCase()));
    }

    @Test
    void rejectsWhatIsNotAColumn() {
        assertThrows(IllegalArgumentException.class, () -> ColumnLetters.of(-1));
        assertThrows(IllegalArgumentException.class, () -> ColumnLetters.indexOf(""));
        assertThrows(IllegalArgumentException.class, () -> ColumnLetters.indexOf("A1"));
    }
}
