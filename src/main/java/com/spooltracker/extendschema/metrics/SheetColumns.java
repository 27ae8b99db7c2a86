package com.spooltracker.extendschema.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns the columns a values read returns (cells from row 2 down, trailing empties left out) into a
 * {@link MetricsSnapshot}. Cells are JSON values as {@link Cell#of} takes them.
 */
public final class SheetColumns {
    private SheetColumns() {}

    /**
     * The Operaciones part.
     *
     * @param metricColumns 0-based positions of the five metric columns
     * @param metrics the five columns' cells; an empty list for a column the sheet does not have yet
     * @param managed per metric column, the 0-based sheet rows whose cell a formula produces
     * @param zeroed per metric column, the 0-based sheet rows the migration sets to 0 first (a dry run
     *     on a sheet not yet migrated: the refresh compares with what the migration would leave)
     */
    public record Operaciones(
            String sheet,
            List<Object> keys,
            List<Object> ots,
            List<Integer> metricColumns,
            List<List<Object>> metrics,
            List<BitSet> managed,
            List<BitSet> zeroed) {}

    /** The Uniones part: the OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN columns and their positions. */
    public record Uniones(String sheet, List<Integer> columns, List<List<Object>> cells) {}

    public static MetricsSnapshot snapshot(Operaciones operaciones, Uniones uniones) {
        List<SpoolRow> spools = new ArrayList<>();
        for (int i = 0; i < operaciones.keys().size(); i++) {
            Cell key = Cell.of(operaciones.keys().get(i));
            if (!key.isPresent()) {
                continue;
            }
            int row = i + 1;
            List<Cell> metrics = new ArrayList<>(MetricColumns.COUNT);
            for (int m = 0; m < MetricColumns.COUNT; m++) {
                Cell value = Cell.of(at(operaciones.metrics().get(m), i));
                if (operaciones.managed().get(m).get(row)) {
                    value = new Cell.Formula(value);
                } else if (!value.isPresent() && operaciones.zeroed().get(m).get(row)) {
                    value = new Cell.Number(BigDecimal.ZERO);
                }
                metrics.add(value);
            }
            String tag = key instanceof Cell.Text text ? text.text().strip() : key.display();
            spools.add(new SpoolRow(row, tag, Cell.of(at(operaciones.ots(), i)), metrics));
        }
        List<UnionRow> unions = new ArrayList<>();
        int rows = uniones.cells().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < rows; i++) {
            UnionRow union = new UnionRow(
                    i + 1, cell(uniones, 0, i), cell(uniones, 1, i), cell(uniones, 2, i), cell(uniones, 3, i));
            if (!union.isBlank()) {
                unions.add(union);
            }
        }
        return new MetricsSnapshot(
                operaciones.sheet(), operaciones.metricColumns(), spools, uniones.sheet(), uniones.columns(), unions);
    }

    private static Cell cell(Uniones uniones, int column, int index) {
        return Cell.of(at(uniones.cells().get(column), index));
    }

    private static Object at(List<Object> column, int index) {
        return index < column.size() ? column.get(index) : null;
    }
}
