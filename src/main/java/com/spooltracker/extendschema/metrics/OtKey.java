package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value that joins a spool to its unions: Operaciones.OT = Uniones.OT. Sheets turns a typed
 * {@code 001} into the number 1 unless the column is formatted as text, so one OT reaches us as
 * {@code 1204}, {@code "1204"}, {@code " 1204 "} or {@code "01204"} depending on the sheet and who
 * typed it. They are one OT: a number, or text that is a plain decimal number, is compared by its
 * numeric value; other text is compared trimmed and case-sensitively; a blank OT, or an error value,
 * matches nothing.
 */
public final class OtKey {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /**
     * What a formula error shows, and what an unformatted values read gives for it: a {@code VLOOKUP}
     * that finds nothing is {@code #N/A} in many rows at once, and those rows share no OT.
     */
    private static final Set<String> ERROR_VALUES =
            Set.of("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!");

    private OtKey() {}

    /**
     * The canonical key, or empty when the cell holds no OT: blank, a boolean, or an error value
     * ({@link #isErrorValue}), none of which is an OT.
     */
    public static Optional<String> of(Cell cell) {
        if (cell instanceof Cell.Formula formula) {
            return of(formula.shows());
        }
        if (cell instanceof Cell.Number number) {
            return Optional.of(canonical(number.value()));
        }
        if (cell instanceof Cell.Text text) {
            String trimmed = text.text().strip();
            if (trimmed.isEmpty() || isErrorValue(trimmed)) {
                return Optional.empty();
            }
            return Optional.of(PLAIN_NUMBER.matcher(trimmed).matches() ? canonical(new BigDecimal(trimmed)) : trimmed);
        }
        return Optional.empty();
    }

    /** Whether {@code text} is what a formula error shows ({@code #N/A}, {@code #REF!}, ...). */
    public static boolean isErrorValue(String text) {
        return ERROR_VALUES.contains(text.strip());
    }

    private static String canonical(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
