package com.spooltracker.extendschema.soak;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants, checked against the shadow and the metrics' definition, with no code of the function:
 * <ul>
 * <li>no cell differs from the shadow except the metric cells of data rows (a row whose key shows
 *     something): in Operaciones, Uniones and the tracker's event log {@code Metadata}, which the
 *     tracker parses row by row (the function's audit trail has a sheet of its own, left aside);
 * <li>every formula and array-output cell of the shadow is still there;
 * <li>once the edits stop, every number (or empty) metric cell of a data row holds the metric computed
 *     from the sheet's own {@code Uniones}.
 * </ul>
 */
final class Oracle {
    /** A cell that breaks an invariant: where, what the shadow holds and what the sheet holds. */
    /** The note of a metric cell changed in a row without a key. */
    static final String KEYLESS_METRIC = "metric cell of a row without a key";

    record Finding(String sheet, int row, int column, JsonElement shadow, JsonElement real, String note) {
        @Override
        public String toString() {
            return sheet + "!" + Grid.a1(row, column) + ": " + note + "; shadow " + Values.show(shadow) + ", sheet "
                    + Values.show(real);
        }
    }

    private Oracle() {}

    /** Cells (not formulas) that differ from the shadow outside the metric cells of data rows. */
    static List<Finding> lostCells(JsonObject real, JsonObject shadow) {
        List<Finding> lost = new ArrayList<>();
        compare(real, shadow, (finding, shadowCell) -> {
            if (!Values.isFormula(shadowCell) && !Values.isArrayOutput(shadowCell)) {
                lost.add(finding);
            }
        });
        return lost;
    }

    /** Formula and array-output cells of the shadow that the sheet no longer holds, wherever they are. */
    static List<Finding> lostFormulas(JsonObject real, JsonObject shadow) {
        List<Finding> lost = new ArrayList<>();
        for (String title : List.of(TrackerSheets.OPERACIONES, TrackerSheets.UNIONES)) {
            Grid s = Grid.of(shadow, title);
            Grid r = Grid.of(real, title);
            for (int row = 0; row < s.usedRows(); row++) {
                for (int column = 0; column < s.usedColumns(); column++) {
                    JsonElement cell = s.cell(row, column);
                    if ((Values.isFormula(cell) || Values.isArrayOutput(cell)) && !cell.equals(r.cell(row, column))) {
                        lost.add(new Finding(
                                title,
                                row,
                                column,
                                cell,
                                r.cell(row, column),
                                "formula lost (" + s.header(column) + ")"));
                    }
                }
            }
        }
        return lost;
    }

    /** Whether a finding lies in a metric column of the shadow: the only place the residual case can touch. */
    static boolean inMetricColumn(JsonObject shadow, Finding finding) {
        Grid s = Grid.of(shadow, finding.sheet());
        return finding.sheet().equals(TrackerSheets.OPERACIONES)
                && TrackerSheets.METRIC_HEADERS.contains(s.header(finding.column()));
    }

    /** Number (or empty) metric cells of data rows that do not hold the metric computed from the sheet. */
    /**
     * The rows whose key cell the number format {@code ;;;} hides, as the dump's format ranges say: a
     * spool the tracker appends below a hidden key inherits the format, and shows blank like it.
     */
    static Set<Integer> hiddenRows(JsonObject sheet, int keyColumn) {
        Set<Integer> rows = new HashSet<>();
        if (!sheet.has("formats")) {
            return rows;
        }
        for (JsonElement element : sheet.getAsJsonArray("formats")) {
            JsonObject format = element.getAsJsonObject();
            if (!format.has("pattern") || !format.get("pattern").getAsString().equals(";;;")) {
                continue;
            }
            Matcher range = A1_RANGE.matcher(format.get("range").getAsString());
            if (!range.matches()) {
                continue;
            }
            int firstColumn = Grid.index(range.group(1));
            int lastColumn = range.group(3) == null ? firstColumn : Grid.index(range.group(3));
            int firstRow = Integer.parseInt(range.group(2)) - 1;
            int lastRow = range.group(4) == null ? firstRow : Integer.parseInt(range.group(4)) - 1;
            if (keyColumn >= firstColumn && keyColumn <= lastColumn) {
                for (int row = firstRow; row <= lastRow; row++) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static final Pattern A1_RANGE = Pattern.compile("([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?");

    static List<String> unconverged(JsonObject real) {
        Grid ops = Grid.of(real, TrackerSheets.OPERACIONES);
        Grid uniones = Grid.of(real, TrackerSheets.UNIONES);
        int key = ops.column(TrackerSheets.KEY_HEADER);
        Map<Integer, ExpectedMetrics.Row> expected = new HashMap<>();
        for (ExpectedMetrics.Row row : ExpectedMetrics.of(ops.sheet(), uniones.sheet(), TrackerSheets.KEY_HEADER)) {
            expected.put(row.row(), row);
        }
        List<String> off = new ArrayList<>();
        Set<Integer> hidden = hiddenRows(ops.sheet(), key);
        for (int row = 1; row < ops.usedRows(); row++) {
            JsonElement tag = ops.cell(row, key);
            if (!Values.showsKey(tag)
                    || Values.isHiddenKey(tag)
                    || hidden.contains(row)
                    || !expected.containsKey(row)) {
                continue;
            }
            List<BigDecimal> values = expected.get(row).values();
            for (int m = 0; m < TrackerSheets.METRIC_HEADERS.size(); m++) {
                int column = ops.column(TrackerSheets.METRIC_HEADERS.get(m));
                JsonElement cell = column < 0 ? null : ops.cell(row, column);
                if (column >= 0 && Values.isManaged(cell)) {
                    continue;
                }
                double want = values.get(m).doubleValue();
                if (column < 0 || !Values.isNumber(cell) || cell.getAsDouble() != want) {
                    String where = column < 0 ? "(no column)" : Grid.a1(row, column);
                    off.add(TrackerSheets.OPERACIONES + "!" + where + ": " + TrackerSheets.METRIC_HEADERS.get(m)
                            + " of " + tag.getAsString() + " holds " + Values.show(cell) + ", expected "
                            + values.get(m).toPlainString());
                }
            }
        }
        return off;
    }

    private interface Difference {
        void found(Finding finding, JsonElement shadowCell);
    }

    private static void compare(JsonObject real, JsonObject shadow, Difference difference) {
        for (String title : List.of(TrackerSheets.OPERACIONES, TrackerSheets.UNIONES, TrackerSheets.METADATA)) {
            if (!Dumps.hasSheet(shadow, title)) {
                continue;
            }
            Grid s = Grid.of(shadow, title);
            Grid r = Grid.of(real, title);
            int key = s.column(TrackerSheets.KEY_HEADER);
            int rows = Math.max(s.usedRows(), r.usedRows());
            int columns = Math.max(s.usedColumns(), r.usedColumns());
            for (int row = 0; row < rows; row++) {
                JsonElement tag = key < 0 ? null : s.cell(row, key);
                boolean dataRow = row > 0 && (Values.showsKey(tag) || Values.isHiddenKey(tag));
                for (int column = 0; column < columns; column++) {
                    JsonElement was = s.cell(row, column);
                    JsonElement is = r.cell(row, column);
                    if (Values.same(was, is)) {
                        continue;
                    }
                    boolean metricColumn = TrackerSheets.METRIC_HEADERS.contains(s.header(column));
                    if (title.equals(TrackerSheets.OPERACIONES) && metricColumn && dataRow) {
                        continue;
                    }
                    String where =
                            row == 0 ? "header row" : metricColumn ? KEYLESS_METRIC : "column " + s.header(column);
                    difference.found(new Finding(title, row, column, was, is, "changed (" + where + ")"), was);
                }
            }
        }
    }
}
