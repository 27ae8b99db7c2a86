package io.sheetsemulator.control;

/**
 * Told, synchronously and under the spreadsheet's lock, of each cell whose entered value an API request
 * changed, once the request has succeeded (a refused request changes nothing and reports nothing). Seeds,
 * {@code edit}, {@code setValues} and the moves of an insert, delete or move of rows or columns are not
 * reported. It must not call back into the emulator. An exception it throws is logged; the request is
 * answered as usual.
 */
@FunctionalInterface
public interface CellWriteListener {

    void cellWritten(CellWrite write);
}
