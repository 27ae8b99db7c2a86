package io.sheetsemulator.model;

/** One non-empty grid cell: a value, a number format, or both. Immutable. */
public sealed interface Cell permits CellValue, Cell.Formatted {

    /** The user-entered value, or null for a cell that only carries a format. */
    CellValue value();

    /** The user-entered number format, or null. */
    NumberFormat format();

    /** A formatted cell; {@code value} may be null (a format on an empty cell). */
    record Formatted(CellValue value, NumberFormat format) implements Cell {}

    /** The smallest representation of (value, format); null when both are absent. */
    static Cell of(CellValue value, NumberFormat format) {
        if (format == null) {
            return value;
        }
        return new Formatted(value, format);
    }
}
