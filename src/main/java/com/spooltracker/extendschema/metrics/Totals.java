package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The five metrics of one OT, in {@code SchemaV4.METRIC_COLUMNS} order: unions, unions armed
 * (ARM_FECHA_FIN set), unions welded (SOL_FECHA_FIN set), and the DN_UNION inches of each.
 */
public record Totals(int unions, int armed, int welded, BigDecimal inchesArmed, BigDecimal inchesWelded) {
    public static final Totals NONE = new Totals(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    Totals add(UnionRow union) {
        BigDecimal dn = union.inches().orElse(BigDecimal.ZERO);
        boolean isArmed = union.armed();
        boolean isWelded = union.welded();
        return new Totals(
                unions + 1,
                armed + (isArmed ? 1 : 0),
                welded + (isWelded ? 1 : 0),
                isArmed ? inchesArmed.add(dn) : inchesArmed,
                isWelded ? inchesWelded.add(dn) : inchesWelded);
    }

    /** The values the five cells should hold: counts as integers, inches rounded half-up to 2 decimals. */
    public List<BigDecimal> values() {
        return List.of(
                BigDecimal.valueOf(unions),
                BigDecimal.valueOf(armed),
                BigDecimal.valueOf(welded),
                round(inchesArmed),
                round(inchesWelded));
    }

    static BigDecimal round(BigDecimal inches) {
        BigDecimal rounded = inches.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
