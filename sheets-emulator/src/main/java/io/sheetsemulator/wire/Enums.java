package io.sheetsemulator.wire;

import io.sheetsemulator.model.SheetsError;
import java.util.List;

/** Enum-valued parameters, rejected the way Google rejects an unknown enum value. */
final class Enums {

    private Enums() {}

    static String check(String value, String protoField, String protoType, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw SheetsError.invalid("Invalid value at '" + protoField
                    + "' (type.googleapis.com/google.apps.sheets.v4." + protoType + "), \"" + value + "\"");
        }
        return value;
    }

    static String majorDimension(String value) {
        return check(value, "major_dimension", "Dimension", List.of("ROWS", "COLUMNS"));
    }
}
