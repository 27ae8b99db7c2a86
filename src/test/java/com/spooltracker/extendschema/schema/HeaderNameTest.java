package com.spooltracker.extendschema.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNameTest {
    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "Fecha_QC_Metrología      | fechaqcmetrologia",
                "fecha qc/metrologia      | fechaqcmetrologia",
                "TAG_SPOOL                | tagspool",
                "Tag Spool                | tagspool",
                "Total_Uniones            | totaluniones",
                "total uniones            | totaluniones",
                "Uniones_ARM_Completadas  | unionesarmcompletadas",
                "Ocupación/Estado         | ocupacionestado",
                "AÑO                      | ano",
                "Ｔｏｔａｌ                  | total",
                "version                  | version",
                "'   '                    | ''",
            })
    void normalizesLikeV3(String header, String expected) {
        assertEquals(expected, HeaderName.normalize(header));
    }

    @ParameterizedTest
    @CsvSource({"Pulgadas-ARM, pulgadas-arm", "Pulgadas.SOLD, pulgadas.sold", "N°, n°"})
    void keepsOtherPunctuationAsV3Does(String header, String expected) {
        assertEquals(expected, HeaderName.normalize(header));
    }

    @org.junit.jupiter.api.Test
    void nullIsTheEmptyName() {
        assertEquals("", HeaderName.normalize(null));
    }
}
