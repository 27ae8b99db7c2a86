package com.spooltracker.extendschema;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.cache.SheetKey;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.metrics.Drift;
import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.metrics.MetricColumns;
import com.spooltracker.extendschema.metrics.MetricsSnapshot;
import com.spooltracker.extendschema.metrics.SheetColumns;
import com.spooltracker.extendschema.migrations.MetricsDefinition;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.GridCell;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlannedRead;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import com.spooltracker.extendschema.sheets.MarkedValues;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import com.spooltracker.extendschema.sheets.ValuesRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The second step's parts, which {@link Engine} composes: fill the five metric columns from
 * {@code Uniones}. {@link #readUniones} (one {@code values.batchGet} of its needed columns) comes
 * first; then the migration step's one grid read of {@code Operaciones} (header, column marks, key,
 * OT and metric cells with their formulas) is the single read every decision about a metric cell
 * comes from; {@link #plan} the drift (pure, {@link Drift}); {@link AnchoredWrite} writes it through
 * the columns' marks, verifies and repairs. Reading {@code Uniones} first keeps the window between the
 * read of a cell and its write as short as it can be.
 */
final class MetricsRefresh {

    private final Target target;
    private final ColumnMapCache cache;
    private final MetricsDefinition definition;

    MetricsRefresh(Target target, ColumnMapCache cache, MetricsDefinition definition) {
        this.target = target;
        this.cache = cache;
        this.definition = definition;
    }

    /** The migrated sheet's header that relates a spool to its unions, as the schema declares it (OT). */
    String spoolKey() {
        return definition.spoolKey();
    }

    /** The drift of every metric cell from what {@code Uniones} says: pure. */
    static DriftReport plan(MetricsSnapshot snapshot) {
        return Drift.of(snapshot);
    }

    String sheet() {
        return target.sheet();
    }

    /**
     * The refresh's view of both sheets, from one grid read of {@code Operaciones}: a data row is a row
     * whose key shows something, as the migration judges it; a metric cell a formula or an array
     * formula produces is left alone.
     */
    MetricsSnapshot snapshot(PlannedRead step, SheetColumns.Uniones uniones) {
        SheetSnapshot grid = step.snapshot();
        ColumnMap header = grid.columns();
        int key = keyColumnIn(header);
        int ot = otColumn(header, step.applied());
        int rows = Math.max(grid.rowCount(), 1);
        List<Object> keys = new ArrayList<>();
        List<Object> ots = new ArrayList<>();
        for (int row = 1; row < rows && row < lastRow(grid, key) + 1; row++) {
            GridCell keyCell = grid.cell(key, row);
            keys.add(keyCell.showsSomething() ? keyCell.shown() : null);
            ots.add(value(grid.cell(ot, row)));
        }
        List<Integer> metricColumns = new ArrayList<>();
        List<List<Object>> metricCells = new ArrayList<>();
        List<BitSet> managed = new ArrayList<>();
        List<BitSet> zeroed = new ArrayList<>();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            ColumnSpec spec = MetricColumns.METRICS.get(m);
            Placement placement = placement(step.plan(), spec);
            boolean exists = step.applied() || step.plan().present().contains(placement);
            metricColumns.add(placement.index());
            List<Object> cells = new ArrayList<>();
            BitSet formulas = new BitSet();
            if (exists && grid.columnsRead().contains(placement.index())) {
                for (int row = 1; row <= keys.size(); row++) {
                    GridCell cell = grid.cell(placement.index(), row);
                    cells.add(value(cell));
                    if (cell.managed()) {
                        formulas.set(row);
                    }
                }
            }
            metricCells.add(cells);
            managed.add(formulas);
            zeroed.add(step.applied() ? new BitSet() : zeroedRows(step.plan(), spec));
        }
        return SheetColumns.snapshot(
                new SheetColumns.Operaciones(target.sheet(), keys, ots, metricColumns, metricCells, managed, zeroed),
                uniones);
    }

    /** The key column in {@code header}; the migration step refuses a sheet without one before the refresh runs. */
    int keyColumnIn(ColumnMap header) {
        return header.indexOf(target.keyColumn()).orElseThrow();
    }

    /** The 0-based metric column of each metric (SchemaV4 order) in {@code step}'s layout. */
    static List<Integer> metricColumns(PlannedRead step) {
        List<Integer> columns = new ArrayList<>();
        for (ColumnSpec spec : MetricColumns.METRICS) {
            columns.add(placement(step.plan(), spec).index());
        }
        return columns;
    }

    private static int lastRow(SheetSnapshot grid, int key) {
        BitSet filled = grid.filledRows(key);
        return filled.isEmpty() ? 0 : filled.length() - 1;
    }

    /**
     * A cell's value as the metrics see it: what was entered by hand, or, for a cell a formula
     * produces, what it shows (a number when the text reads as one).
     */
    private static Object value(GridCell cell) {
        if (!cell.managed()) {
            return cell.literal();
        }
        String shown = cell.shown().strip();
        try {
            return shown.isEmpty() ? null : Double.valueOf(shown);
        } catch (NumberFormatException text) {
            return shown;
        }
    }

    private int otColumn(ColumnMap header, boolean applied) {
        OptionalInt ot = header.indexOf(definition.spoolKey());
        if (ot.isEmpty()) {
            throw new Failure.Conflicted(
                    "Sheet '" + target.sheet() + "' has no column '" + definition.spoolKey()
                            + "' in row 1, so its spools cannot be matched to their unions in '"
                            + target.unionesSheet() + "'. " + stepSaid(applied),
                    List.of());
        }
        return ot.getAsInt();
    }

    /** What a failure of the refresh says of the migration step that came before it. */
    static String stepSaid(boolean applied) {
        return applied
                ? "The migration step ran; the metrics were not refreshed."
                : "Nothing was written: neither the migration nor the metrics.";
    }

    /**
     * One read of {@code Uniones}' header row and its OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN
     * columns. On a warm instance, one {@code values.batchGet} where the cache says they are; on a cold
     * one, one {@code values.batchGetByDataFilter} of the header row, of the columns where the tracker
     * has them ({@link MetricColumns#UNIONES_PRESUMED}) and of the columns the layout marks select
     * ({@link ColumnMarks#UNIONES_KEY}: put by a cold migration step on columns found elsewhere). The
     * header in the same answer confirms it; read again (at most {@value LayoutRead#READS_AT_MOST} times
     * in all) when the header says otherwise.
     *
     * @throws Failure.NotFound when the spreadsheet has no such sheet
     * @throws Failure.Conflicted when a needed column is missing or the header keeps changing
     */
    SheetColumns.Uniones readUniones(SheetsGateway gateway) {
        String uniones = target.unionesSheet();
        SheetKey unionesKey = new SheetKey(target.spreadsheetId(), uniones);
        Optional<ColumnMap> cached = cache.peek(unionesKey);
        List<Integer> unionColumns;
        if (cached.isPresent()) {
            unionColumns = unionColumns(cached.get()).orElse(MetricColumns.UNIONES_PRESUMED);
        } else {
            MarkedValues marked = null;
            try {
                marked = gateway.readMarkedValues(uniones, MetricColumns.UNIONES_PRESUMED, ColumnMarks.UNIONES_KEY);
            } catch (SheetsGateway.NoSuchSheet noSheet) {
                throw noUniones(uniones);
            } catch (SheetsGateway.StaleLayout narrow) {
                // Uniones is narrower than the tracker's layout: read its header alone, then what it says.
            }
            if (marked == null) {
                unionColumns = List.of();
            } else {
                ColumnMap header = headerOf(marked.header());
                List<Integer> needed = unionColumns(header).orElseThrow(() -> missingUnionesColumns(header));
                if (marked.columns().keySet().containsAll(needed)) {
                    remember(unionesKey, header);
                    return new SheetColumns.Uniones(
                            uniones,
                            needed,
                            needed.stream().map(marked.columns()::get).toList());
                }
                unionColumns = needed;
            }
        }
        return LayoutRead.confirmed(
                unionColumns,
                (List<Integer> asked) -> {
                    List<ValuesRange> ranges = new ArrayList<>();
                    ranges.add(ValuesRange.headerRow(uniones));
                    for (int column : asked) {
                        ranges.add(ValuesRange.column(uniones, column));
                    }
                    List<List<List<Object>>> answer;
                    try {
                        answer = gateway.readValues(ranges);
                    } catch (SheetsGateway.NoSuchSheet noSheet) {
                        throw noUniones(uniones);
                    } catch (SheetsGateway.StaleLayout stale) {
                        // Uniones is narrower than the presumed layout: read its header alone, then what it says.
                        cache.invalidate(unionesKey);
                        return new LayoutRead.Attempt.Again<>(List.<Integer>of());
                    }
                    ColumnMap unionesHeader = headerOf(answer.get(0));
                    List<Integer> needed =
                            unionColumns(unionesHeader).orElseThrow(() -> missingUnionesColumns(unionesHeader));
                    if (needed.equals(asked)) {
                        remember(unionesKey, unionesHeader);
                        List<List<Object>> unionCells = new ArrayList<>();
                        for (int u = 0; u < asked.size(); u++) {
                            unionCells.add(single(answer.get(1 + u)));
                        }
                        return new LayoutRead.Attempt.Done<>(new SheetColumns.Uniones(uniones, asked, unionCells));
                    }
                    cache.invalidate(unionesKey);
                    return new LayoutRead.Attempt.Again<>(needed);
                },
                uniones,
                "Nothing was written by the refresh");
    }

    private static Failure noUniones(String uniones) {
        return new Failure.NotFound("The spreadsheet has no sheet '" + uniones
                + "' to compute the metrics from (set UNIONES_SHEET if it has another name).");
    }

    private static Placement placement(Plan plan, ColumnSpec spec) {
        for (Placement placement : plan.present()) {
            if (placement.spec().equals(spec)) {
                return placement;
            }
        }
        for (Placement placement : plan.added()) {
            if (placement.spec().equals(spec)) {
                return placement;
            }
        }
        throw new IllegalStateException("the plan places no " + spec.header());
    }

    private static BitSet zeroedRows(Plan plan, ColumnSpec spec) {
        return plan.fills().stream()
                .filter(f -> f.placement().spec().equals(spec))
                .findFirst()
                .map(f -> f.rows())
                .orElseGet(BitSet::new);
    }

    /** OT, DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN by normalized header, the first of each; empty if one is missing. */
    private Optional<List<Integer>> unionColumns(ColumnMap header) {
        List<Integer> columns = new ArrayList<>();
        for (String name : definition.unionColumns()) {
            var index = header.indexOf(name);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            columns.add(index.getAsInt());
        }
        return Optional.of(columns);
    }

    private Failure missingUnionesColumns(ColumnMap header) {
        List<String> missing = definition.unionColumns().stream()
                .filter(n -> header.indexOf(n).isEmpty())
                .toList();
        return new Failure.Conflicted(
                "Sheet '" + target.unionesSheet() + "' has no column " + String.join(", ", missing)
                        + " in row 1; the metrics are computed from " + String.join(", ", definition.unionColumns())
                        + " (the metrics definition of the migration files).",
                List.of());
    }

    private void remember(SheetKey key, ColumnMap header) {
        cache.remember(key, header);
    }

    /** A header row read column-major: one one-cell column per header cell. */
    static ColumnMap headerOf(List<List<Object>> columns) {
        List<String> cells = new ArrayList<>();
        for (List<Object> column : columns) {
            cells.add(
                    column.isEmpty() || column.get(0) == null
                            ? ""
                            : column.get(0).toString());
        }
        return ColumnMap.of(cells);
    }

    private static List<Object> single(List<List<Object>> columns) {
        return columns.isEmpty() ? List.of() : columns.get(0);
    }

    /** What the audit row of a refresh that wrote records. */
    AuditLog.Entry auditEntry(DriftReport drift, int cellsWritten, int repairRounds) {
        JsonObject details = new JsonObject();
        details.addProperty("sheet", target.sheet());
        details.addProperty("from", target.unionesSheet());
        details.addProperty("rowsChecked", drift.rowsChecked());
        details.addProperty("cellsWritten", cellsWritten);
        JsonObject byColumn = new JsonObject();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            byColumn.addProperty(
                    MetricColumns.METRICS.get(m).header(),
                    drift.differingByColumn().get(m));
        }
        details.add("byColumn", byColumn);
        details.addProperty("orphanUnions", drift.orphanCount());
        details.addProperty("invalidDnUnion", drift.invalidDnCount());
        details.addProperty("leftAlone", drift.leftAloneCount());
        details.addProperty("repairRounds", repairRounds);
        return new AuditLog.Entry("METRICS_REFRESH", "REFRESH_METRICS", details);
    }
}
