package com.spooltracker.extendschema.schema;

/**
 * One cell as a grid read with formulas shows it, everything a decision about the cell needs, from
 * one read.
 *
 * @param shown the displayed text, "" when none (a key hidden by the number format {@code ;;;} shows "")
 * @param literal the value entered by hand: a Double, a String or a Boolean; null for none or a formula
 * @param formula the formula's text when the cell holds one, else null
 * @param arrayOutput the cell shows a value that an array formula elsewhere produces (nothing entered)
 */
public record GridCell(String shown, Object literal, String formula, boolean arrayOutput) {
    public static final GridCell EMPTY = new GridCell("", null, null, false);

    /** A formula (its own or an array formula's) produces the cell's value: writing it would break that. */
    public boolean managed() {
        return formula != null || arrayOutput;
    }

    /** What a person sees as a value: displayed text that is not blank once trimmed. */
    public boolean showsSomething() {
        return !shown.isBlank();
    }
}
