package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One data row of {@code Uniones}, reduced to the four cells the metrics need. {@code row} is the
 * 0-based sheet row (row 0 is the header).
 */
public record UnionRow(int row, Cell ot, Cell dn, Cell armEnd, Cell solEnd) {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** A row with none of the four cells set is not a union (a blank line between unions). */
    public boolean isBlank() {
        return !ot.isPresent() && !dn.isPresent() && !armEnd.isPresent() && !solEnd.isPresent();
    }

    public boolean armed() {
        return armEnd.isPresent();
    }

    public boolean welded() {
        return solEnd.isPresent();
    }

    /**
     * DN_UNION in inches: a number cell, or text that is a plain decimal number with a point (" 2.5 ").
     * Anything else (blank, "2,5", "N/A", TRUE) is not a diameter: the union still counts, its inches
     * do not.
     */
    public Optional<BigDecimal> inches() {
        Cell value = dn instanceof Cell.Formula formula ? formula.shows() : dn;
        if (value instanceof Cell.Number number) {
            return Optional.of(number.value());
        }
        if (value instanceof Cell.Text text
                && PLAIN_NUMBER.matcher(text.text().strip()).matches()) {
            return Optional.of(new BigDecimal(text.text().strip()));
        }
        return Optional.empty();
    }
}
