package io.sheetsemulator.model;

import java.util.List;

/** A parsed formula in the subset the emulator evaluates (see {@link ExprParser}). */
sealed interface Expr {

    /** A number, string or boolean written in the formula. */
    record Literal(EffectiveValue value) implements Expr {}

    /** A cell or a range; {@code sheetTitle} null means the formula's own sheet. */
    record Reference(String sheetTitle, A1Range range) implements Expr {
        boolean singleCell() {
            return range.singleCell();
        }
    }

    /** {@code -x} or {@code +x}. */
    record Negate(Expr operand, boolean minus) implements Expr {}

    /** {@code x%}. */
    record Percent(Expr operand) implements Expr {}

    /** {@code + - * / ^ & = <> < > <= >=}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {}

    /** A function call; the name is upper case. */
    record Call(String name, List<Expr> arguments) implements Expr {}
}
