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
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import com.spooltracker.extendschema.sheets.ValuesRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The second step's parts, which {@link Engine} composes: fill the five metric columns from
 * {@code Uniones}. {@link #read} (one {@code values.batchGet} of the needed columns of both sheets)
 * → {@link #plan} the drift (pure, {@link Drift}) → {@link #apply}: write only the changed cells
 * (one {@code values.batchUpdate}); {@link #auditEntry} says what the audit row records. It runs after the
 * migration step, from what that step knows of {@code Operaciones}: the header, the metric columns
 * and which metric cells a formula manages. Nothing but the drift computation and the request
 * building lies between the read and the write, so the window in which the tracker's own write can
 * be overwritten stays as short as it can be; the next run repairs such a cell.
 */
final class MetricsRefresh {
    private static final int LAYOUT_READS_AT_MOST = 3;

    private final Migration.Target target;
    private final ColumnMapCache cache;

    MetricsRefresh(Migration.Target target, ColumnMapCache cache) {
        this.target = target;
        this.cache = cache;
    }

    /**
     * What the migration step leaves for the refresh.
     *
     * @param layout Operaciones' header as it is once the plan is applied
     * @param applied whether the plan's writes were made (false on a dry run: added columns do not exist)
     * @param managed per metric column (SchemaV4 order), the rows whose cell a formula produces
     */
    record Step(Plan plan, ColumnMap layout, boolean applied, List<BitSet> managed) {}

    /** The drift of every metric cell from what {@code Uniones} says: pure. */
    static DriftReport plan(MetricsSnapshot snapshot) {
        return Drift.of(snapshot);
    }

    /** Writes the changed cells; returns how many requests that took. */
    int apply(SheetsGateway gateway, DriftReport drift) {
        return gateway.writeCells(target.sheet(), drift.changes());
    }

    MetricsSnapshot read(SheetsGateway gateway, Step step) {
        ColumnMap header = step.layout();
        String sheet = target.sheet();
        int key = header.indexOf(target.keyColumn()).orElseThrow();
        int ot = header.indexOf(MetricColumns.OT)
                .orElseThrow(() -> new Failure.Conflicted(
                        "Sheet '" + sheet
                                + "' has no column '" + MetricColumns.OT
                                + "' in row 1, so its spools cannot be matched to their unions in '"
                                + target.unionesSheet() + "'. The migration step ran; the metrics were not refreshed.",
                        List.of()));
        List<Integer> metricColumns = new ArrayList<>();
        List<Boolean> exists = new ArrayList<>();
        for (ColumnSpec spec : MetricColumns.METRICS) {
            Placement placement = placement(step.plan(), spec);
            metricColumns.add(placement.index());
            exists.add(step.applied() || step.plan().present().contains(placement));
        }
        String uniones = target.unionesSheet();
        SheetKey unionesKey = new SheetKey(target.spreadsheetId(), uniones);
        List<Integer> unionColumns =
                cache.peek(unionesKey).flatMap(MetricsRefresh::unionColumns).orElse(MetricColumns.UNIONES_PRESUMED);
        for (int attempt = 0; attempt < LAYOUT_READS_AT_MOST; attempt++) {
            List<ValuesRange> ranges = new ArrayList<>();
            ranges.add(ValuesRange.column(sheet, key));
            ranges.add(ValuesRange.column(sheet, ot));
            for (int m = 0; m < MetricColumns.COUNT; m++) {
                if (exists.get(m)) {
                    ranges.add(ValuesRange.column(sheet, metricColumns.get(m)));
                }
            }
            int unionesAt = ranges.size();
            ranges.add(ValuesRange.headerRow(uniones));
            for (int column : unionColumns) {
                ranges.add(ValuesRange.column(uniones, column));
            }
            List<List<List<Object>>> answer;
            try {
                answer = gateway.readValues(ranges);
            } catch (SheetsGateway.NoSuchSheet noSheet) {
                throw new Failure.NotFound(
                        "The spreadsheet has no sheet '" + uniones + "' to compute the metrics from. "
                                + "The migration step ran; the metrics were not refreshed.");
            } catch (SheetsGateway.StaleLayout stale) {
                // Uniones is narrower than the presumed layout: read its header alone, then what it says.
                cache.invalidate(unionesKey);
                unionColumns = List.of();
                continue;
            }
            ColumnMap unionesHeader = headerOf(answer.get(unionesAt));
            List<Integer> needed = unionColumns(unionesHeader).orElseThrow(() -> missingUnionesColumns(unionesHeader));
            if (needed.equals(unionColumns)) {
                remember(unionesKey, unionesHeader);
                List<List<Object>> unionCells = new ArrayList<>();
                for (int u = 0; u < unionColumns.size(); u++) {
                    unionCells.add(single(answer.get(unionesAt + 1 + u)));
                }
                List<List<Object>> metricCells = new ArrayList<>();
                List<BitSet> zeroed = new ArrayList<>();
                int next = 2;
                for (int m = 0; m < MetricColumns.COUNT; m++) {
                    metricCells.add(exists.get(m) ? single(answer.get(next++)) : List.of());
                    zeroed.add(step.applied() ? new BitSet() : zeroedRows(step.plan(), m));
                }
                return SheetColumns.snapshot(
                        new SheetColumns.Operaciones(
                                sheet,
                                single(answer.get(0)),
                                single(answer.get(1)),
                                metricColumns,
                                metricCells,
                                step.managed(),
                                zeroed),
                        new SheetColumns.Uniones(uniones, unionColumns, unionCells));
            }
            cache.invalidate(unionesKey);
            unionColumns = needed;
        }
        throw new Failure.Conflicted(
                "The header of sheet '" + uniones + "' changed on each of " + LAYOUT_READS_AT_MOST
                        + " reads. Nothing was written by the refresh; run again once edits have settled.",
                List.of());
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

    private static BitSet zeroedRows(Plan plan, int metric) {
        ColumnSpec spec = MetricColumns.METRICS.get(metric);
        return plan.fills().stream()
                .filter(f -> f.placement().spec().equals(spec))
                .findFirst()
                .map(f -> f.rows())
                .orElseGet(BitSet::new);
    }

    /** OT, DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN by normalized header, the first of each; empty if one is missing. */
    private static Optional<List<Integer>> unionColumns(ColumnMap header) {
        List<Integer> columns = new ArrayList<>();
        for (String name : MetricColumns.UNIONES) {
            var index = header.indexOf(name);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            columns.add(index.getAsInt());
        }
        return Optional.of(columns);
    }

    private Failure missingUnionesColumns(ColumnMap header) {
        List<String> missing = MetricColumns.UNIONES.stream()
                .filter(n -> header.indexOf(n).isEmpty())
                .toList();
        return new Failure.Conflicted(
                "Sheet '" + target.unionesSheet() + "' has no column " + String.join(", ", missing)
                        + " in row 1; the metrics are computed from OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN. "
                        + "The migration step ran; the metrics were not refreshed.",
                List.of());
    }

    private void remember(SheetKey key, ColumnMap header) {
        if (!cache.peek(key).map(cached -> cached.sameLayoutAs(header)).orElse(false)) {
            cache.invalidate(key);
            cache.getOrBuild(key, () -> header);
        }
    }

    /** A header row read column-major: one one-cell column per header cell. */
    private static ColumnMap headerOf(List<List<Object>> columns) {
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
    AuditLog.Entry auditEntry(DriftReport drift) {
        JsonObject details = new JsonObject();
        details.addProperty("sheet", target.sheet());
        details.addProperty("from", target.unionesSheet());
        details.addProperty("rowsChecked", drift.rowsChecked());
        details.addProperty("cellsWritten", drift.changes().size());
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
        return new AuditLog.Entry("METRICS_REFRESH", "REFRESH_METRICS", details);
    }
}
