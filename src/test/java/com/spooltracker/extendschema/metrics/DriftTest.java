package com.spooltracker.extendschema.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftTest {
    private static final List<Integer> METRIC_COLUMNS = List.of(67, 68, 69, 70, 71);
    private static final List<Integer> UNIONES_COLUMNS = List.of(1, 4, 7, 10);

    private static Cell n(Object number) {
        return new Cell.Number(new BigDecimal(number.toString()));
    }

    private static Cell t(String text) {
        return Cell.of(text);
    }

    private static final Cell E = Cell.EMPTY;
    private static final Cell DONE = n(45734.5);

    private static SpoolRow spool(int row, Cell ot, Cell... metrics) {
        List<Cell> cells = new ArrayList<>(Arrays.asList(metrics));
        while (cells.size() < 5) {
            cells.add(E);
        }
        return new SpoolRow(row, "SP-" + row, ot, cells);
    }

    private static UnionRow union(int row, Cell ot, Cell dn, boolean armed, boolean welded) {
        return new UnionRow(row, ot, dn, armed ? DONE : E, welded ? DONE : E);
    }

    private static DriftReport drift(List<SpoolRow> spools, List<UnionRow> unions) {
        return Drift.of(new MetricsSnapshot("Operaciones", METRIC_COLUMNS, spools, "Uniones", UNIONES_COLUMNS, unions));
    }

    private static List<String> written(DriftReport report, int row) {
        List<String> values = new ArrayList<>(List.of("-", "-", "-", "-", "-"));
        for (DriftReport.CellChange change : report.changes()) {
            if (change.row() == row) {
                values.set(
                        METRIC_COLUMNS.indexOf(change.column()), change.value().toPlainString());
            }
        }
        return values;
    }

    @Test
    void countsUnionsArmedAndWeldedAndSumsTheirInchesRoundedToTwoDecimals() {
        DriftReport report = drift(
                List.of(spool(1, n(1204))),
                List.of(
                        union(1, n(1204), n(2), true, true),
                        union(2, n(1204), n(1.005), true, false),
                        union(3, n(1204), n(0.75), false, false),
                        union(4, n(1300), n(9), true, true)));

        assertEquals(List.of("3", "2", "1", "3.01", "2"), written(report, 1));
        assertEquals(List.of(1, 1, 1, 1, 1), report.differingByColumn());
        assertEquals(1, report.rowsChecked());
    }

    @Test
    void otAsNumberTextPaddedOrSpacedIsOneOt() {
        DriftReport report = drift(
                List.of(spool(1, n(1204)), spool(2, t(" 1204 ")), spool(3, t("001")), spool(4, n(1))),
                List.of(
                        union(1, t("1204"), n(1), false, false), union(2, n(1204.0), n(1), false, false),
                        union(3, n(1), n(1), false, false), union(4, t(" 01 "), n(1), false, false)));

        assertEquals("2", written(report, 1).get(0));
        assertEquals("2", written(report, 2).get(0));
        assertEquals("2", written(report, 3).get(0));
        assertEquals("2", written(report, 4).get(0));
        assertEquals(0, report.orphanCount());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1204      | 1204",
                "' 1204 '  | 1204",
                "001       | 1",
                "1204.0    | 1204",
                "OT-12a    | OT-12a",
                "' OT-12a' | OT-12a",
                "ot-12A    | ot-12A",
                "'   '     | ''",
                "#N/A      | ''",
                "#REF!     | ''",
                "#VALUE!   | ''",
                "#DIV/0!   | ''",
                "#NAME?    | ''",
                "#NUM!     | ''",
                "#NULL!    | ''",
                "#ERROR!   | ''",
                "'#N/A '   | ''",
                "#N/A2     | #N/A2",
            })
    void otKeyOfText(String text, String key) {
        assertEquals(key.isEmpty() ? Optional.empty() : Optional.of(key), OtKey.of(Cell.of(text)));
    }

    @Test
    void otKeyOfNumbersBooleansAndFormulas() {
        assertEquals(Optional.of("1204"), OtKey.of(n("1204.000")));
        assertEquals(Optional.of("0"), OtKey.of(n("0.00")));
        assertEquals(Optional.of("12.5"), OtKey.of(n("12.50")));
        assertEquals(Optional.empty(), OtKey.of(new Cell.Bool(true)));
        assertEquals(Optional.of("1204"), OtKey.of(new Cell.Formula(n(1204))));
    }

    @Test
    void aDnThatIsNotANumberCountsButAddsNoInchesAndIsNamed() {
        DriftReport report = drift(
                List.of(spool(1, n(7))),
                List.of(
                        union(1, n(7), t("2,5"), true, true),
                        union(2, n(7), t("N/A"), true, false),
                        union(3, n(7), E, true, false),
                        union(4, n(7), t(" 1.5 "), true, true),
                        union(5, n(7), new Cell.Bool(true), false, true)));

        assertEquals(List.of("5", "4", "3", "1.5", "1.5"), written(report, 1));
        assertEquals(4, report.invalidDnCount());
        assertEquals(
                List.of("Uniones!E2", "Uniones!E3", "Uniones!E4", "Uniones!E6"),
                report.invalidDn().stream().map(DriftReport.InvalidDn::cell).toList());
        assertEquals("\"2,5\"", report.invalidDn().get(0).value());
    }

    @Test
    void spoolsSharingAnOtEachGetItsFigures() {
        DriftReport report = drift(
                List.of(spool(1, n(5)), spool(2, n(5)), spool(3, t("SP"))),
                List.of(union(1, n(5), n(2), true, false), union(2, t("SP"), n(3), true, true)));

        assertEquals(List.of("1", "1", "0", "2", "0"), written(report, 1));
        assertEquals(List.of("1", "1", "0", "2", "0"), written(report, 2));
        assertEquals(List.of("1", "1", "1", "3", "3"), written(report, 3));
    }

    @Test
    void aSpoolWithoutOtGetsZerosAndIsCounted() {
        DriftReport report = drift(
                List.of(spool(1, E, n(4), n(4), n(4), n(4), n(4)), spool(2, t("  "))),
                List.of(union(1, E, n(2), true, true)));

        assertEquals(List.of("0", "0", "0", "0", "0"), written(report, 1));
        assertEquals(List.of("0", "0", "0", "0", "0"), written(report, 2));
        assertEquals(2, report.spoolsWithoutOt());
        assertEquals(1, report.orphanCount(), "a union with a blank OT belongs to no spool");
        assertEquals("(empty)", report.orphans().get(0).ot());
    }

    @Test
    void unionsOfNoSpoolAreOrphansAndBlankRowsAreNotUnions() {
        DriftReport report = drift(
                List.of(spool(1, n(1), n(1), n(0), n(0), n(0), n(0))),
                List.of(
                        union(1, n(1), n(1), false, false),
                        union(2, n(99), n(1), true, false),
                        new UnionRow(3, E, E, E, E),
                        union(4, t("X-1"), n(1), false, false)));

        assertTrue(report.upToDate(), report::toString);
        assertEquals(2, report.orphanCount());
        assertEquals(
                List.of(new DriftReport.Orphan("Uniones!B3", "99"), new DriftReport.Orphan("Uniones!B5", "\"X-1\"")),
                report.orphans());
        assertEquals(0, report.invalidDnCount());
    }

    @Test
    void aMatchingNumberIsNotWrittenWhateverItsScaleAndAnEmptyCellIsWrittenEvenWithZero() {
        DriftReport report = drift(
                List.of(spool(1, n(3), n("2.0"), n(1), E, n("1.250"), n("2.504"))),
                List.of(union(1, n(3), n(1.25), true, false), union(2, n(3), n(1.25), false, false)));

        assertEquals(List.of("-", "-", "0", "-", "0"), written(report, 1));
        assertEquals(List.of(0, 0, 1, 0, 1), report.differingByColumn());
        assertEquals(
                new DriftReport.Example("SP-1", "Uniones_SOLD_Completadas", "Operaciones!BR2", "(empty)", "0"),
                report.examples().get(0));
        assertEquals(
                new DriftReport.Example("SP-1", "Pulgadas_SOLD", "Operaciones!BT2", "2.504", "0"),
                report.examples().get(1));
    }

    @Test
    void formulaAndTextCellsAreNeverWrittenAndAreReported() {
        DriftReport report = drift(
                List.of(spool(
                        1,
                        n(3),
                        new Cell.Formula(n(1)),
                        t("dos"),
                        new Cell.Formula(n(9)),
                        new Cell.Bool(false),
                        new Cell.Formula(E))),
                List.of(union(1, n(3), n(2), true, false)));

        assertTrue(report.upToDate(), report::toString);
        assertEquals(5, report.leftAloneCount());
        List<DriftReport.LeftAlone> cells = report.leftAlone();
        assertEquals(DriftReport.LeftAlone.Kind.FORMULA, cells.get(0).kind());
        assertTrue(cells.get(0).agrees(), "the formula shows 1, the computed total");
        assertEquals(DriftReport.LeftAlone.Kind.TEXT, cells.get(1).kind());
        assertEquals("\"dos\"", cells.get(1).current());
        assertFalse(cells.get(2).agrees(), "shows 9, computed 0");
        assertEquals("Operaciones!BS2", cells.get(3).cell());
        assertEquals("formula showing (empty)", cells.get(4).current());
    }

    @Test
    void examplesStopAtTwentyButCountsAreComplete() {
        List<SpoolRow> spools = new ArrayList<>();
        for (int r = 1; r <= 30; r++) {
            spools.add(spool(r, n(r)));
        }
        List<UnionRow> orphans = new ArrayList<>();
        for (int r = 1; r <= 25; r++) {
            orphans.add(union(r, n(1000 + r), t("x"), false, false));
        }
        DriftReport report = drift(spools, orphans);

        assertEquals(150, report.changes().size());
        assertEquals(List.of(30, 30, 30, 30, 30), report.differingByColumn());
        assertEquals(20, report.examples().size());
        assertEquals(25, report.orphanCount());
        assertEquals(20, report.orphans().size());
        assertEquals(25, report.invalidDnCount());
        assertEquals(20, report.invalidDn().size());
    }

    @Test
    void cellsOfJsonValues() {
        assertEquals(Cell.EMPTY, Cell.of(null));
        assertEquals(Cell.EMPTY, Cell.of(" "));
        assertEquals(new Cell.Number(new BigDecimal("2.5")), Cell.of(new BigDecimal("2.5")));
        assertEquals(new Cell.Number(new BigDecimal("3")), Cell.of(3));
        assertEquals(new Cell.Bool(true), Cell.of(true));
        assertEquals(new Cell.Text(" a "), Cell.of(" a "));
        assertFalse(new Cell.Formula(Cell.EMPTY).isPresent());
        assertTrue(new Cell.Formula(n(0)).isPresent());
    }

    @Test
    void aFigureTheSheetStoresAsTheSameDoubleAgreesAndOneNoCellCanHoldIsReportedNotWritten() {
        BigDecimal past = new BigDecimal("1e308").multiply(BigDecimal.TEN);
        DriftReport report = drift(
                List.of(spool(1, n(1), E, E, E, n(1e15)), spool(2, n(2))),
                List.of(
                        union(1, n(1), n("1e15"), true, false),
                        union(2, n(1), n("0.01"), true, false),
                        union(3, n(2), new Cell.Number(past), true, false),
                        union(4, n(2), n(1e20), true, false)));

        assertEquals(List.of("2", "2", "0", "-", "0"), written(report, 1), "1e15 + 0.01 is stored as 1e15");
        assertEquals(List.of("2", "2", "0", "-", "0"), written(report, 2));
        assertEquals(1, report.leftAloneCount());
        assertEquals(
                DriftReport.LeftAlone.Kind.OUT_OF_RANGE,
                report.leftAlone().get(0).kind());
        assertEquals("Operaciones!BS3", report.leftAlone().get(0).cell());
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({"3, 3", "3.00, 3", "2.5, 2.5", "1e20, 1.0E20", "9.3e18, 9.3E18", "1e300, 1.0E300", "-7, -7"})
    void theWireValueIsALongWhenIntegralAndWithinALongElseTheDoubleTheSheetStores(String value, String sent) {
        assertEquals(sent, SheetNumber.wire(new BigDecimal(value)).toString());
    }

    @Test
    void errorValuesAreNoOtMatchNothingAndAreReportedLikeBlankOts() {
        Cell na = new Cell.Formula(t("#N/A"));
        DriftReport report = drift(
                List.of(spool(1, na), spool(2, t("#N/A")), spool(3, n(7))),
                List.of(union(1, t("#N/A"), n(2), true, true), union(2, n(7), n(1), false, false)));

        assertEquals(List.of("0", "0", "0", "0", "0"), written(report, 1));
        assertEquals(List.of("0", "0", "0", "0", "0"), written(report, 2));
        assertEquals(List.of("1", "0", "0", "0", "0"), written(report, 3));
        assertEquals(2, report.spoolsWithoutOt());
        assertEquals(1, report.orphanCount());
        assertEquals("\"#N/A\"", report.orphans().get(0).ot());
    }
}
