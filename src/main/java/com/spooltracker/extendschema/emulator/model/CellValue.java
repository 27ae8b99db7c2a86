package com.spooltracker.extendschema.emulator.model;

/**
 * A user-entered value. Each kind is also a {@link Cell} without a number format, so the common
 * unformatted cell costs one small object.
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

    record Text(String text) implements CellValue {}

    record Num(double number) implements CellValue {}

    record Bool(boolean bool) implements CellValue {}

    /** A formula as typed, starting with {@code =}. Formulas are stored, never evaluated. */
    record Formula(String formula) implements CellValue {}
}
