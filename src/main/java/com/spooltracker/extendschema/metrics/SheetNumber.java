package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;

/**
 * A metric as a Sheets cell holds it. Sheets stores every number as an IEEE double, so a computed
 * figure is what that double says: {@code 1e15 + 0.01} is stored as {@code 1e15}, and a sum past the
 * double range cannot be stored at all. Every writer of metric cells sends {@link #wire} and every
 * comparison with a cell read back goes through {@link #sameInSheet}, so a figure the sheet cannot hold
 * more exactly is written once and then agrees, and an odd magnitude never stops the other cells.
 */
public final class SheetNumber {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private SheetNumber() {}

    /** Whether the sheet can hold {@code value} at all: its double is finite. */
    public static boolean fits(BigDecimal value) {
        return Double.isFinite(value.doubleValue());
    }

    /**
     * Whether a cell holding {@code current} already holds {@code computed}: equal numbers, or the very
     * double Sheets would store for {@code computed}.
     */
    public static boolean sameInSheet(BigDecimal current, BigDecimal computed) {
        if (current.compareTo(computed) == 0) {
            return true;
        }
        double stored = computed.doubleValue();
        return Double.isFinite(stored) && stored == current.doubleValue();
    }

    /**
     * The JSON number a write sends for {@code value}: an integral value within {@code long} as a
     * {@link Long} (the body reads {@code 3}, not {@code 3.0}), anything else as the {@link Double}
     * Sheets stores.
     *
     * @throws IllegalArgumentException when the sheet cannot hold it ({@link #fits} is false)
     */
    public static Object wire(BigDecimal value) {
        if (!fits(value)) {
            throw new IllegalArgumentException("not a number a sheet can hold: " + value.toEngineeringString());
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.compareTo(LONG_MIN) >= 0 && plain.compareTo(LONG_MAX) <= 0) {
            return plain.longValueExact();
        }
        return value.doubleValue();
    }
}
