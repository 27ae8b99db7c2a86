package com.spooltracker.extendschema.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The five metrics of every data row, computed from an emulator dump the way the issue defines them,
 * with no code shared with the function's {@code metrics} package: the tests' own reading of the
 * definition, to check the function against.
 */
public final class ExpectedMetrics {
    /** Total, armed, welded, inches armed, inches welded, as the numbers the cells should hold. */
    public record Row(int row, String tag, List<BigDecimal> values) {}

    private ExpectedMetrics() {}

    /** Every data row of {@code operaciones} (key column non-blank), in sheet order. */
    public static List<Row> of(JsonObject operaciones, JsonObject uniones, String keyHeader) {
        JsonArray unionRows = Dumps.rows(uniones);
        int ot = column(unionRows, "ot");
        int dn = column(unionRows, "dnunion");
        int arm = column(unionRows, "armfechafin");
        int sol = column(unionRows, "solfechafin");
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> inches = new HashMap<>();
        for (int r = 1; r < unionRows.size(); r++) {
            String key = otKey(Dumps.cell(uniones, r, ot));
            if (key == null) {
                continue;
            }
            boolean armed = !blank(Dumps.cell(uniones, r, arm));
            boolean welded = !blank(Dumps.cell(uniones, r, sol));
            BigDecimal diameter = number(Dumps.cell(uniones, r, dn));
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            BigDecimal[] in = inches.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            c[0]++;
            if (armed) {
                c[1]++;
                in[0] = diameter == null ? in[0] : in[0].add(diameter);
            }
            if (welded) {
                c[2]++;
                in[1] = diameter == null ? in[1] : in[1].add(diameter);
            }
        }
        JsonArray spoolRows = Dumps.rows(operaciones);
        int keyColumn = column(spoolRows, normalize(keyHeader));
        int otColumn = column(spoolRows, "ot");
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < spoolRows.size(); r++) {
            JsonElement tag = Dumps.cell(operaciones, r, keyColumn);
            if (blank(tag)) {
                continue;
            }
            String key = otKey(Dumps.cell(operaciones, r, otColumn));
            long[] c = key == null ? new long[3] : counts.getOrDefault(key, new long[3]);
            BigDecimal[] in = key == null ? null : inches.get(key);
            rows.add(new Row(
                    r,
                    tag.getAsString(),
                    List.of(
                            BigDecimal.valueOf(c[0]),
                            BigDecimal.valueOf(c[1]),
                            BigDecimal.valueOf(c[2]),
                            round(in == null ? BigDecimal.ZERO : in[0]),
                            round(in == null ? BigDecimal.ZERO : in[1]))));
        }
        return rows;
    }

    /** The 0-based column whose header normalizes to {@code name}; the first one when repeated. */
    public static int column(JsonArray rows, String name) {
        JsonArray header = rows.get(0).getAsJsonArray();
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).isJsonNull()
                    && normalize(header.get(c).getAsString()).equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no header " + name + " in " + header);
    }

    private static String normalize(String header) {
        String plain =
                Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{InCombiningDiacriticalMarks}", "");
        return plain.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("/", "");
    }

    private static boolean blank(JsonElement cell) {
        return cell == null
                || cell.isJsonNull()
                || cell.isJsonPrimitive()
                        && cell.getAsJsonPrimitive().isString()
                        && cell.getAsString().trim().isEmpty();
    }

    /** An OT: numbers and all-digit text by numeric value, other text trimmed; blank or boolean: none. */
    private static String otKey(JsonElement cell) {
        if (blank(cell) || !cell.isJsonPrimitive() || cell.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        JsonPrimitive value = cell.getAsJsonPrimitive();
        String text = value.getAsString().trim();
        try {
            BigDecimal number = new BigDecimal(text);
            if (value.isNumber()
                    || text.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '+')) {
                return "#" + number.stripTrailingZeros().toPlainString().replaceAll("^-?0$", "0");
            }
        } catch (NumberFormatException notANumber) {
            // text
        }
        return "'" + text;
    }

    /** DN_UNION in inches: a number, or text of digits with a decimal point; else null. */
    private static BigDecimal number(JsonElement cell) {
        if (blank(cell) || !cell.isJsonPrimitive() || cell.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String text = cell.getAsString().trim();
        if (!cell.getAsJsonPrimitive().isNumber() && !text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static BigDecimal round(BigDecimal inches) {
        return inches.setScale(2, RoundingMode.HALF_UP);
    }
}
