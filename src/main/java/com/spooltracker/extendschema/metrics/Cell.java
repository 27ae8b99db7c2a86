package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;

/**
 * One cell as the refresh reads it: the unformatted value Google computes (so a locale that writes
 * decimals with a comma still gives a number), and whether the sheet manages the cell with a formula.
 */
public sealed interface Cell {
    /** No value, or only blanks. */
    record Empty() implements Cell {}

    record Number(BigDecimal value) implements Cell {}

    /** Text that is not blank, as typed (not trimmed). */
    record Text(String text) implements Cell {}

    record Bool(boolean value) implements Cell {}

    /**
     * A cell whose value a formula produces: its own formula, or the output of an array formula
     * elsewhere. {@code shows} is the value it displays. Writing into it would break the formula.
     */
    record Formula(Cell shows) implements Cell {}

    Cell EMPTY = new Empty();

    /**
     * The cell for a value as a JSON values read gives it: null or missing, a number, a string or a
     * boolean. Blank strings are empty.
     */
    static Cell of(Object value) {
        if (value == null) {
            return EMPTY;
        }
        if (value instanceof BigDecimal number) {
            return new Number(number);
        }
        if (value instanceof java.lang.Number number) {
            return new Number(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean bool) {
            return new Bool(bool);
        }
        String text = value.toString();
        return text.isBlank() ? EMPTY : new Text(text);
    }

    /** True for every cell but an empty one (a formula showing "" is empty too). */
    default boolean isPresent() {
        return !(this instanceof Empty)
                && !(this instanceof Formula f && !f.shows().isPresent());
    }

    /** How a person would read the cell in a report. */
    default String display() {
        if (this instanceof Empty) {
            return "(empty)";
        }
        if (this instanceof Number n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        if (this instanceof Text t) {
            return "\"" + t.text() + "\"";
        }
        if (this instanceof Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        return "formula showing " + ((Formula) this).shows().display();
    }
}
