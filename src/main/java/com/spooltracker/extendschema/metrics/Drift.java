package com.spooltracker.extendschema.metrics;

import com.spooltracker.extendschema.schema.ColumnLetters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The refresh's pure core: the five metrics of every OT from {@code Uniones}, compared with the
 * metric cells of every data row of {@code Operaciones}. A cell is written only when it is empty or
 * holds a different number; a formula or text is never written and is reported instead.
 */
public final class Drift {
    private Drift() {}

    /** The metrics of every OT that has unions, keyed by {@link OtKey}. */
    public static Map<String, Totals> totalsByOt(List<UnionRow> unions) {
        Map<String, Totals> totals = new HashMap<>();
        for (UnionRow union : unions) {
            OtKey.of(union.ot())
                    .ifPresent(ot -> totals.merge(ot, Totals.NONE.add(union), (was, one) -> was.add(union)));
        }
        return totals;
    }

    public static DriftReport of(MetricsSnapshot sheets) {
        Map<String, Totals> totals = totalsByOt(sheets.unions());
        int[] differing = new int[MetricColumns.COUNT];
        List<DriftReport.CellChange> changes = new ArrayList<>();
        List<DriftReport.Example> examples = new ArrayList<>();
        List<DriftReport.LeftAlone> leftAlone = new ArrayList<>();
        int leftAloneCount = 0;
        int withoutOt = 0;
        Set<String> spoolOts = new HashSet<>();
        for (SpoolRow spool : sheets.spools()) {
            Optional<String> ot = OtKey.of(spool.ot());
            ot.ifPresent(spoolOts::add);
            if (ot.isEmpty()) {
                withoutOt++;
            }
            List<BigDecimal> computed = ot.map(totals::get).orElse(Totals.NONE).values();
            for (int m = 0; m < MetricColumns.COUNT; m++) {
                Cell current = spool.metrics().get(m);
                BigDecimal value = computed.get(m);
                int column = sheets.metricColumns().get(m);
                String header = MetricColumns.METRICS.get(m).header();
                String cell = sheets.operaciones() + "!" + ColumnLetters.of(column) + (spool.row() + 1);
                if (current instanceof Cell.Formula || current instanceof Cell.Text || current instanceof Cell.Bool) {
                    leftAloneCount++;
                    if (leftAlone.size() < DriftReport.MAX_EXAMPLES) {
                        leftAlone.add(new DriftReport.LeftAlone(
                                spool.tag(),
                                header,
                                cell,
                                current instanceof Cell.Formula
                                        ? DriftReport.LeftAlone.Kind.FORMULA
                                        : DriftReport.LeftAlone.Kind.TEXT,
                                current.display(),
                                value.toPlainString(),
                                shows(current, value)));
                    }
                    continue;
                }
                if (current instanceof Cell.Number number && SheetNumber.sameInSheet(number.value(), value)) {
                    continue;
                }
                if (!SheetNumber.fits(value)) {
                    // No cell can hold it: the other cells are still written, this one is named.
                    leftAloneCount++;
                    if (leftAlone.size() < DriftReport.MAX_EXAMPLES) {
                        leftAlone.add(new DriftReport.LeftAlone(
                                spool.tag(),
                                header,
                                cell,
                                DriftReport.LeftAlone.Kind.OUT_OF_RANGE,
                                current.display(),
                                value.toEngineeringString(),
                                false));
                    }
                    continue;
                }
                differing[m]++;
                changes.add(new DriftReport.CellChange(spool.row(), column, value));
                if (examples.size() < DriftReport.MAX_EXAMPLES) {
                    examples.add(new DriftReport.Example(
                            spool.tag(), header, cell, current.display(), value.toPlainString()));
                }
            }
        }
        List<DriftReport.Orphan> orphans = new ArrayList<>();
        List<DriftReport.InvalidDn> invalid = new ArrayList<>();
        int orphanCount = 0;
        int invalidCount = 0;
        for (UnionRow union : sheets.unions()) {
            if (union.isBlank()) {
                continue;
            }
            Optional<String> ot = OtKey.of(union.ot());
            if (ot.isEmpty() || !spoolOts.contains(ot.get())) {
                if (orphanCount++ < DriftReport.MAX_EXAMPLES) {
                    orphans.add(new DriftReport.Orphan(
                            unionCell(sheets, 0, union), union.ot().display()));
                }
            }
            if (union.inches().isEmpty()) {
                if (invalidCount++ < DriftReport.MAX_EXAMPLES) {
                    invalid.add(new DriftReport.InvalidDn(
                            unionCell(sheets, 1, union), union.dn().display()));
                }
            }
        }
        List<Integer> perColumn = new ArrayList<>();
        for (int count : differing) {
            perColumn.add(count);
        }
        return new DriftReport(
                sheets.uniones(),
                sheets.spools().size(),
                perColumn,
                changes,
                examples,
                orphanCount,
                orphans,
                invalidCount,
                invalid,
                leftAloneCount,
                leftAlone,
                withoutOt);
    }

    private static boolean shows(Cell current, BigDecimal value) {
        return current instanceof Cell.Formula formula
                && formula.shows() instanceof Cell.Number number
                && SheetNumber.sameInSheet(number.value(), value);
    }

    private static String unionCell(MetricsSnapshot sheets, int which, UnionRow union) {
        return sheets.uniones() + "!" + ColumnLetters.of(sheets.unionesColumns().get(which)) + (union.row() + 1);
    }
}
