package io.sheetsemulator.model;

/** What one element of a written {@code values} array does to its cell. */
public sealed interface Entry {

    /** JSON null: the API leaves the cell as it is. */
    record Skip() implements Entry {}

    /**
     * The empty string: the entered value is removed, the format stays (an array formula's output,
     * not being an entered value, stays too).
     */
    record Clear() implements Entry {}

    /**
     * A new value. {@code impliedFormat} is the format USER_ENTERED parsing implies (a date), used
     * only when the cell has no format of its own.
     */
    record Put(CellValue value, NumberFormat impliedFormat) implements Entry {}

    Skip SKIP = new Skip();
    Clear CLEAR = new Clear();

    /** The cell after this entry is written over {@code old}. */
    default Cell over(Cell old) {
        NumberFormat oldFormat = old == null ? null : old.format();
        if (this instanceof Put put) {
            return Cell.of(put.value(), oldFormat != null ? oldFormat : put.impliedFormat());
        }
        if (this instanceof Clear && !(old != null && old.value() instanceof CellValue.ArrayOutput)) {
            return Cell.of(null, oldFormat);
        }
        return old;
    }
}
