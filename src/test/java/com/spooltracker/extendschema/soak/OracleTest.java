package com.spooltracker.extendschema.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Seed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's oracle on small hand-made dumps: what counts as lost, and what as unconverged. */
class OracleTest {
    private static final int KEY = 0;
    private static final int OT = 1;
    private static final int NOTE = 2;
    private static final int TOTAL = 3;

    @Test
    void aMetricValueInADataRowIsTheFunctionsToWrite() {
        JsonObject shadow = sheet().build();
        JsonObject real = sheet().on("Operaciones").cell(1, TOTAL, 2).build();

        assertEquals(List.of(), Oracle.lostCells(real, shadow));
    }

    @Test
    void aMetricValueInARowWithoutAKeyIsACellLost() {
        JsonObject shadow = sheet().build();
        JsonObject real = sheet().on("Operaciones").cell(3, TOTAL, 0).build();

        List<Oracle.Finding> lost = Oracle.lostCells(real, shadow);

        assertEquals(1, lost.size(), lost::toString);
        assertTrue(lost.get(0).toString().startsWith("Operaciones!D4: changed (metric cell of a row without a key)"));
    }

    @Test
    void aMetricValueInARowWhoseKeyShowsBlankTextIsACellLost() {
        JsonObject shadow = sheet().on("Operaciones").cell(3, KEY, "=\"\"").build();
        JsonObject real = sheet().on("Operaciones")
                .cell(3, KEY, "=\"\"")
                .cell(3, TOTAL, 0)
                .build();

        assertEquals(1, Oracle.lostCells(real, shadow).size());
    }

    @Test
    void aValueWrittenIntoAnotherColumnIsACellLost() {
        JsonObject shadow = sheet().build();
        JsonObject real = sheet().on("Operaciones").cell(1, NOTE, 2).build();

        assertEquals(
                "Operaciones!C2: changed (column Nota); shadow \"ok\", sheet 2",
                Oracle.lostCells(real, shadow).get(0).toString());
    }

    @Test
    void aRowAddedToTheTrackersEventLogIsACellLostARowInTheAuditSheetIsNot() {
        JsonObject shadow = sheet().sheet("Metadata", 10, 3)
                .row(0, List.of("ID", "Evento_Tipo", "Worker_Nombre"))
                .build();
        JsonObject real = sheet().sheet("Metadata", 10, 3)
                .row(0, List.of("ID", "Evento_Tipo", "Worker_Nombre"))
                .row(1, List.of("x", "METRICS_REFRESH", "extendSchema"))
                .sheet("extendSchema_log", 2, 2)
                .row(1, List.of("2026-12-04T20:45:53Z", "METRICS_REFRESH"))
                .build();

        List<Oracle.Finding> lost = Oracle.lostCells(real, shadow);

        assertEquals(3, lost.size(), lost::toString);
        assertTrue(lost.get(1).toString().startsWith("Metadata!B2: changed (column Evento_Tipo)"), lost::toString);
    }

    @Test
    void anOverwrittenFormulaOrArrayOutputIsAFormulaLostNotACellLost() {
        JsonObject shadow = sheet().on("Operaciones")
                .cell(1, TOTAL, "=COUNTIF(Uniones!$B:$B,$B2)")
                .cell(2, TOTAL, Seed.computed(1))
                .build();
        JsonObject real =
                sheet().on("Operaciones").cell(1, TOTAL, 1).cell(2, TOTAL, 1).build();

        assertEquals(List.of(), Oracle.lostCells(real, shadow));
        assertEquals(2, Oracle.lostFormulas(real, shadow).size());
    }

    @Test
    void aStaleOrEmptyNumberInADataRowIsUnconvergedAFormulaOrTextIsNot() {
        JsonObject real = sheet().on("Operaciones")
                .cell(1, TOTAL, 1)
                .cell(2, TOTAL, "ver nota")
                .row(4, Arrays.asList("SP-0004", 1201, null, "=1+1", 0, 0, 0, 0))
                .row(5, Arrays.asList("SP-0005", null, null, null, 0, 0, 0, 0))
                .build();

        List<String> off = Oracle.unconverged(real);

        assertEquals(2, off.size(), off::toString);
        assertTrue(off.get(0).equals("Operaciones!D2: Total_Uniones of SP-0001 holds 1, expected 2"), off::toString);
        assertTrue(
                off.get(1).equals("Operaciones!D6: Total_Uniones of SP-0005 holds (empty), expected 0"), off::toString);
    }

    @Test
    void theRightTotalsConverge() {
        JsonObject real =
                sheet().on("Operaciones").cell(1, TOTAL, 2).cell(2, TOTAL, 0).build();

        assertEquals(List.of(), Oracle.unconverged(real));
    }

    /** Operaciones: two spools (OT 1200: two unions, one armed; OT 1201: none), a keyless row 4; Total_Uniones blank. */
    private static Seed sheet() {
        Seed seed = Seed.spreadsheet("s")
                .sheet("Operaciones", 10, 8)
                .row(
                        0,
                        List.of(
                                "TAG_SPOOL",
                                "OT",
                                "Nota",
                                "Total_Uniones",
                                "Uniones_ARM_Completadas",
                                "Uniones_SOLD_Completadas",
                                "Pulgadas_ARM",
                                "Pulgadas_SOLD"))
                .row(1, Arrays.asList("SP-0001", 1200, "ok", null, 1, 0, 2, 0))
                .row(2, Arrays.asList("SP-0002", 1201, null, null, 0, 0, 0, 0))
                .cell(3, OT, 1200)
                .sheet("Uniones", 10, 5)
                .row(0, List.of("ID", "OT", "DN_UNION", "ARM_FECHA_FIN", "SOL_FECHA_FIN"))
                .row(1, List.of("U-1", 1200, 2, "01-02-2026 10:00:00"))
                .row(2, List.of("U-2", " 1200 ", 1.5));
        return seed;
    }
}
