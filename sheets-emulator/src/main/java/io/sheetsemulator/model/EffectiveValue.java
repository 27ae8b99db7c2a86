package io.sheetsemulator.model;

/**
 * The value a cell shows before formatting (the API's {@code effectiveValue}): text, a number, a
 * boolean, or a formula error.
 */
public sealed interface EffectiveValue permits CellValue.Text, CellValue.Num, CellValue.Bool, EffectiveValue.Error {

    /**
     * A formula error, as Google reports it in {@code effectiveValue.errorValue}; cells show
     * {@link ErrorType#shown()} ({@code #DIV/0!}, {@code #REF!}, ...).
     */
    record Error(ErrorType type, String message) implements EffectiveValue {}

    /** The ErrorValue types a formula can produce, with the text a cell shows for each. */
    enum ErrorType {
        ERROR("#ERROR!"),
        NULL_VALUE("#NULL!"),
        DIVIDE_BY_ZERO("#DIV/0!"),
        VALUE("#VALUE!"),
        REF("#REF!"),
        NAME("#NAME?"),
        NUM("#NUM!"),
        N_A("#N/A");

        private final String shown;

        ErrorType(String shown) {
            this.shown = shown;
        }

        public String shown() {
            return shown;
        }
    }
}
