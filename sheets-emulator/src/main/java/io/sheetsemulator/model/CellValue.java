package io.sheetsemulator.model;

/**
 * What a cell holds: a user-entered value, or the output of an array formula anchored elsewhere. Each
 * kind is also a {@link Cell} without a number format, so the common unformatted cell costs one small
 * object. Text, numbers and booleans are their own effective value.
 */
public sealed interface CellValue extends Cell {

    @Override
    default CellValue value() {
        return this;
    }

    @Override
    default NumberFormat format() {
        return null;
    }

    record Text(String text) implements CellValue, EffectiveValue {}

    record Num(double number) implements CellValue, EffectiveValue {}

    record Bool(boolean bool) implements CellValue, EffectiveValue {}

    /** A formula as typed, starting with {@code =}; its effective value is computed on read. */
    record Formula(String formula) implements CellValue {}

    /**
     * A value an array formula elsewhere puts in this cell. Google returns such a cell with an
     * {@code effectiveValue} and a {@code formattedValue} but no {@code userEnteredValue}; values reads
     * show the value. Writing a value over it makes that the cell's entered value; clearing the cell
     * leaves the output, since there is no entered value to clear.
     */
    record ArrayOutput(EffectiveValue shown) implements CellValue {}
}
