package com.spooltracker.extendschema.soak;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** What a dumped cell is: empty, a formula, array-formula output, text or a number. */
final class Values {
    private Values() {}

    static boolean isEmpty(JsonElement cell) {
        return cell == null
                || cell.isJsonNull()
                || cell.isJsonPrimitive()
                        && cell.getAsJsonPrimitive().isString()
                        && cell.getAsString().isEmpty();
    }

    static boolean isFormula(JsonElement cell) {
        return cell != null
                && cell.isJsonPrimitive()
                && cell.getAsJsonPrimitive().isString()
                && cell.getAsString().startsWith("=");
    }

    static boolean isArrayOutput(JsonElement cell) {
        return cell != null && cell.isJsonObject() && cell.getAsJsonObject().has("computed");
    }

    /** Left to the sheet by the function: a formula, array output, or anything that is not a number. */
    static boolean isManaged(JsonElement cell) {
        return isFormula(cell) || isArrayOutput(cell) || !isEmpty(cell) && !isNumber(cell);
    }

    static boolean isNumber(JsonElement cell) {
        return cell != null
                && cell.isJsonPrimitive()
                && cell.getAsJsonPrimitive().isNumber();
    }

    /** Equal as cells: empty equals empty, numbers by value. */
    static boolean same(JsonElement a, JsonElement b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return a.getAsDouble() == b.getAsDouble();
        }
        return a.equals(b);
    }

    /** A key that shows something: not blank, not blank-looking text, not a formula (the soak's formula keys show ""). */
    static boolean showsKey(JsonElement key) {
        if (isEmpty(key) || isFormula(key)) {
            return false;
        }
        return !(key.isJsonPrimitive() && key.getAsString().isBlank());
    }

    /** A key hidden by {@code ;;;}: whether it counts as shown depends on the reader, so the oracle checks neither way. */
    static boolean isHiddenKey(JsonElement key) {
        return key != null && key.isJsonPrimitive() && key.getAsString().startsWith(TrackerSheets.HIDDEN_KEY_PREFIX);
    }

    static String show(JsonElement cell) {
        if (isEmpty(cell)) {
            return "(empty)";
        }
        if (cell instanceof JsonPrimitive p && p.isString()) {
            return "\"" + p.getAsString() + "\"";
        }
        return cell.toString();
    }
}
