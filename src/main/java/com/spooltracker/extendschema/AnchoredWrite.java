package com.spooltracker.extendschema;

import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.metrics.MetricColumns;
import com.spooltracker.extendschema.metrics.SheetColumns;
import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.ColumnFill;
import com.spooltracker.extendschema.schema.ColumnLetters;
import com.spooltracker.extendschema.schema.GridCell;
import com.spooltracker.extendschema.schema.HeaderName;
import com.spooltracker.extendschema.schema.PlannedRead;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes a refresh's drift on a sheet that people and the tracker edit at the same time.
 *
 * <ul>
 *   <li>Every metric cell is written through its column's mark (developer metadata), so a column
 *       inserted, deleted or moved between the read and the write cannot turn the write onto
 *       another column. A mark is used only when the read that planned the write shows the metric's
 *       header above it: marks that are missing, misplaced or doubled are put right first, and then
 *       read again, before anything is written through them.
 *   <li>After writing, one more read of the same cells (the verification read) compares the rows
 *       with the read the write was planned from. When rows moved under the write (inserted or
 *       deleted above it), the run plans again from the new read and writes the repair before it
 *       answers, emptying any metric it left in a row that no longer has a key. A run whose sheet
 *       held still pays that one read and nothing more; a run that writes nothing pays nothing.
 *   <li>A formula that a row insert or delete moved into a cell in the instant between the read and
 *       the write is overwritten: no API call can prevent it. It is found by the verification read
 *       and named in the answer with its text, so a person can type it again.
 * </ul>
 */
final class AnchoredWrite {
    /** Writes in one run at most: the first and two repairs. */
    static final int WRITES_AT_MOST = 3;

    private final SheetsGateway gateway;
    private final MetricsRefresh refresh;
    private final SheetColumns.Uniones uniones;
    private final Supplier<PlannedRead> reread;

    AnchoredWrite(
            SheetsGateway gateway, MetricsRefresh refresh, SheetColumns.Uniones uniones, Supplier<PlannedRead> reread) {
        this.gateway = gateway;
        this.refresh = refresh;
        this.uniones = uniones;
        this.reread = reread;
    }

    /**
     * What the write did.
     *
     * @param drift the drift the run found: what its first write was planned from
     * @param cellsWritten metric cells written (repairs included) and strays emptied
     * @param requests write requests sent (marks placed included)
     * @param repairRounds writes that repaired a sheet that changed under the run
     * @param warnings what a person should know: formulas overwritten, changes left to the next run
     */
    record Outcome(DriftReport drift, int cellsWritten, int requests, int repairRounds, List<String> warnings) {}

    /**
     * The metric writes an apply would send for {@code drift} when nothing moves under it, as a dry run
     * shows them. A column without a mark yet is written through the mark an apply would place first,
     * whose id is fixed ({@link ColumnMarks#idOf}).
     */
    static List<PlannedRequest> planned(PlannedRead step, DriftReport drift) {
        List<Integer> columns = MetricsRefresh.metricColumns(step);
        Map<Integer, ColumnMarks.MarkedCells> byMetric = new TreeMap<>();
        Map<Integer, String> columnOf = new HashMap<>();
        for (DriftReport.CellChange change : drift.changes()) {
            int metric = columns.indexOf(change.column());
            if (metric < 0) {
                continue;
            }
            ColumnMarks.MarkedCells cells = byMetric.computeIfAbsent(metric, m -> {
                int id = mark(step, m)
                        .map(ColumnAnchor::metadataId)
                        .orElseGet(() -> ColumnMarks.idOf(
                                step.snapshot().sheetId(),
                                MetricColumns.METRICS.get(m).header()));
                columnOf.put(id, ColumnLetters.of(change.column()));
                return new ColumnMarks.MarkedCells(id, new TreeMap<>(), new TreeSet<>());
            });
            if (change.value() == null) {
                cells.clears().add(change.row());
            } else {
                cells.numbers().put(change.row(), change.value());
            }
        }
        return PlannedRequest.throughMarks(step.plan().sheet(), columnOf, new ArrayList<>(byMetric.values()));
    }

    Outcome apply(PlannedRead planned, DriftReport drift) {
        int requests = 0;
        List<String> warnings = new ArrayList<>();
        PlannedRead current = planned;
        DriftReport plan = drift;
        // Marks put by position are trusted only once a read shows them under their headers.
        boolean confirm = false;
        boolean placed = false;
        while (true) {
            if (confirm) {
                current = reread.get();
                plan = MetricsRefresh.plan(refresh.snapshot(current, uniones));
            }
            List<String> missing = marksMissing(current, plan);
            if (missing.isEmpty()) {
                break;
            }
            if (placed) {
                throw new Failure.Conflicted(
                        "The columns of sheet '" + refresh.sheet() + "' moved while the refresh marked "
                                + String.join(", ", missing)
                                + ". No metric was written; run again once edits have settled.",
                        List.of());
            }
            placeMarks(current);
            requests++;
            placed = true;
            confirm = true;
        }
        Map<Integer, SortedMap<Integer, BigDecimal>> written = migrationDefaults(planned);
        // Rows that moved under the migration's writes leave its zeros in rows that now have no key.
        List<Pending> pending = pending(
                current,
                plan,
                sameRows(planned.snapshot(), current.snapshot()) ? new TreeMap<>() : strays(planned, current, written));
        if (pending.isEmpty()) {
            return new Outcome(plan, 0, requests, 0, warnings);
        }
        DriftReport found = plan;
        int cells = 0;
        int repairs = 0;
        for (int write = 1; ; write++) {
            try {
                requests += gateway.writeThroughMarks(marked(current, pending));
                cells += pending.size();
                remember(written, pending);
            } catch (SheetsGateway.MarkMissed missed) {
                warnings.add("A write through a column mark was refused (" + missed.getMessage()
                        + "); the sheet changed under the run.");
            }
            PlannedRead after = reread.get();
            if (sameRows(current.snapshot(), after.snapshot())) {
                return new Outcome(found, cells, requests, repairs, warnings);
            }
            List<ColumnMarks.MarkedCells> undo = undoRenamed(current, after, written, warnings);
            if (!undo.isEmpty()) {
                requests += gateway.writeThroughMarks(undo);
            }
            warnings.addAll(formulasOverwritten(current, after, written));
            DriftReport again = MetricsRefresh.plan(refresh.snapshot(after, uniones));
            SortedMap<Integer, SortedSet<Integer>> strays = strays(planned, after, written);
            List<Pending> repair = pending(after, again, strays);
            if (repair.isEmpty()) {
                return new Outcome(found, cells, requests, repairs, warnings);
            }
            if (write == WRITES_AT_MOST) {
                warnings.add("Sheet '" + refresh.sheet() + "' kept changing while the refresh wrote; " + repair.size()
                        + " metric cells are left for the next run.");
                return new Outcome(found, cells, requests, repairs, warnings);
            }
            current = after;
            plan = again;
            pending = repair;
            repairs++;
        }
    }

    /**
     * Cells this run wrote into a column whose header changed between the planning read and the write
     * (a person renamed a metric column in that instant; the mark followed the column): what they held
     * before, where they still hold what this run wrote. Those metrics are forgotten as written.
     */
    private List<ColumnMarks.MarkedCells> undoRenamed(
            PlannedRead before,
            PlannedRead after,
            Map<Integer, SortedMap<Integer, BigDecimal>> written,
            List<String> warnings) {
        SheetSnapshot was = before.snapshot();
        SheetSnapshot now = after.snapshot();
        List<Integer> columnsWas = MetricsRefresh.metricColumns(before);
        List<ColumnMarks.MarkedCells> undo = new ArrayList<>();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            SortedMap<Integer, BigDecimal> rows = written.get(m);
            Optional<ColumnAnchor> used = mark(before, m);
            if (rows == null || rows.isEmpty() || used.isEmpty()) {
                continue;
            }
            String header = MetricColumns.METRICS.get(m).header();
            Optional<ColumnAnchor> moved = now.anchors().stream()
                    .filter(a -> a.metadataId() == used.get().metadataId())
                    .findFirst();
            if (moved.isEmpty()) {
                continue;
            }
            int column = moved.get().column();
            String shown = now.columns().headerAt(column);
            if (HeaderName.normalize(shown).equals(HeaderName.normalize(header))) {
                continue;
            }
            // A renamed column is no metric column, so the verification read did not read its cells.
            SheetSnapshot renamed = now.cellsByColumn().containsKey(column)
                    ? now
                    : gateway.readColumns(refresh.sheet(), new TreeSet<>(List.of(column)), true);
            SortedMap<Integer, BigDecimal> numbers = new TreeMap<>();
            SortedSet<Integer> clears = new TreeSet<>();
            int plannedColumn = columnsWas.get(m);
            for (Map.Entry<Integer, BigDecimal> cell : rows.entrySet()) {
                int row = cell.getKey();
                if (!holds(renamed.cell(column, row), cell.getValue())) {
                    continue;
                }
                if (was.cell(plannedColumn, row).literal() instanceof Double number) {
                    numbers.put(row, new BigDecimal(number.toString()));
                } else {
                    clears.add(row);
                }
            }
            written.remove(m);
            if (numbers.isEmpty() && clears.isEmpty()) {
                continue;
            }
            undo.add(new ColumnMarks.MarkedCells(used.get().metadataId(), numbers, clears));
            warnings.add("Column " + ColumnLetters.of(column) + " of sheet '" + refresh.sheet() + "' was renamed from '"
                    + header + "' to '" + shown + "' while the refresh wrote into it; the "
                    + (numbers.size() + clears.size()) + " cells it wrote there were put back as they were.");
        }
        return undo;
    }

    /** Whether {@code cell} holds, as a number entered by hand, {@code value}. */
    private static boolean holds(GridCell cell, BigDecimal value) {
        return !cell.managed()
                && cell.literal() instanceof Double number
                && new BigDecimal(number.toString()).compareTo(value) == 0;
    }

    /** The zeros a migration applied in this run wrote, by metric and row: this run's writes too. */
    private static Map<Integer, SortedMap<Integer, BigDecimal>> migrationDefaults(PlannedRead planned) {
        Map<Integer, SortedMap<Integer, BigDecimal>> written = new HashMap<>();
        if (!planned.applied()) {
            return written;
        }
        for (ColumnFill fill : planned.plan().fills()) {
            int metric = MetricColumns.METRICS.indexOf(fill.placement().spec());
            if (metric < 0) {
                continue;
            }
            SortedMap<Integer, BigDecimal> rows = written.computeIfAbsent(metric, m -> new TreeMap<>());
            fill.rows().stream().forEach(row -> rows.put(row, BigDecimal.ZERO));
        }
        return written;
    }

    /** One cell to write: a metric (SchemaV4 order), a 0-based row, and a number or, when null, empty it. */
    private record Pending(int metric, int row, BigDecimal value) {}

    /**
     * The drift's changes and the strays to empty, for the metrics whose mark the read trusts; the
     * others wait for the next run, which places their marks.
     */
    private static List<Pending> pending(
            PlannedRead step, DriftReport drift, SortedMap<Integer, SortedSet<Integer>> strays) {
        List<Integer> columns = MetricsRefresh.metricColumns(step);
        List<Pending> pending = new ArrayList<>();
        for (DriftReport.CellChange change : drift.changes()) {
            int metric = columns.indexOf(change.column());
            if (metric >= 0 && mark(step, metric).isPresent()) {
                pending.add(new Pending(metric, change.row(), change.value()));
            }
        }
        strays.forEach((metric, rows) -> rows.forEach(row -> pending.add(new Pending(metric, row, null))));
        return pending;
    }

    private static List<ColumnMarks.MarkedCells> marked(PlannedRead step, List<Pending> pending) {
        Map<Integer, ColumnMarks.MarkedCells> byMetric = new TreeMap<>();
        for (Pending cell : pending) {
            ColumnAnchor mark = mark(step, cell.metric()).orElseThrow();
            ColumnMarks.MarkedCells column = byMetric.computeIfAbsent(
                    cell.metric(),
                    m -> new ColumnMarks.MarkedCells(mark.metadataId(), new TreeMap<>(), new TreeSet<>()));
            if (cell.value() == null) {
                column.clears().add(cell.row());
            } else {
                column.numbers().put(cell.row(), cell.value());
            }
        }
        return new ArrayList<>(byMetric.values());
    }

    private static void remember(Map<Integer, SortedMap<Integer, BigDecimal>> written, List<Pending> pending) {
        for (Pending cell : pending) {
            SortedMap<Integer, BigDecimal> column = written.computeIfAbsent(cell.metric(), m -> new TreeMap<>());
            if (cell.value() == null) {
                column.remove(cell.row());
            } else {
                column.put(cell.row(), cell.value());
            }
        }
    }

    private static Optional<ColumnAnchor> mark(PlannedRead step, int metric) {
        String header = MetricColumns.METRICS.get(metric).header();
        return step.snapshot()
                .trustedAnchor(header, MetricsRefresh.metricColumns(step).get(metric));
    }

    /** The headers of the metrics that have changes to write and no mark the read trusts. */
    private static List<String> marksMissing(PlannedRead step, DriftReport drift) {
        List<Integer> columns = MetricsRefresh.metricColumns(step);
        List<String> missing = new ArrayList<>();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            int column = columns.get(m);
            boolean changes = drift.changes().stream().anyMatch(c -> c.column() == column);
            if (changes && mark(step, m).isEmpty()) {
                missing.add(MetricColumns.METRICS.get(m).header());
            }
        }
        return missing;
    }

    /** Puts a mark on every metric column the read shows without a trusted one, replacing the marks that lie. */
    private void placeMarks(PlannedRead step) {
        SheetSnapshot grid = step.snapshot();
        gateway.placeMarks(
                grid.sheetId(),
                MarkPlacement.toPlace(grid, step.plan().placements()),
                MarkPlacement.stale(grid, step.plan()));
    }

    /**
     * Whether every row is where the first read saw it: the same header, grid, marks, keys and OTs. When
     * they are, each write landed in the row it was planned for.
     */
    private boolean sameRows(SheetSnapshot before, SheetSnapshot after) {
        // The two reads may cover different columns (a cold instance reads the layout it presumes first).
        return before.rowCount() == after.rowCount()
                && before.columns().headers().equals(after.columns().headers())
                && before.anchors().equals(after.anchors())
                && identities(before).equals(identities(after));
    }

    /** Each row's key and OT as shown: what tells one spool's row from another's. */
    private List<List<String>> identities(SheetSnapshot grid) {
        int key = refresh.keyColumnIn(grid.columns());
        int ot = grid.columns().indexOf(refresh.spoolKey()).orElse(key);
        List<List<String>> rows = new ArrayList<>();
        int last = Math.max(size(grid, key), size(grid, ot));
        for (int row = 1; row < last; row++) {
            rows.add(List.of(grid.cell(key, row).shown(), grid.cell(ot, row).shown()));
        }
        return rows;
    }

    private static int size(SheetSnapshot grid, int column) {
        return grid.cellsByColumn().getOrDefault(column, List.of()).size();
    }

    /** How many rows around a written cell are compared with the planning read before it is taken for a stray. */
    private static final int STRAY_NEIGHBOURHOOD = 3;

    /**
     * Metric cells this run wrote that now sit in a row without a key (rows were inserted or deleted
     * between the read and the write) and still hold what was written: to be emptied. A cell is taken for
     * a stray only when no row without a key around it held that number before the run: such a row may
     * have moved under the write, and emptying a value this run did not write would lose data (the stray
     * is then left, and reported by no one: the rarer loss). A stray that rows moved again, between the write and this read, is not where
     * it was written and is not found: that takes row edits in the instants both before and after the
     * same write.
     */
    private SortedMap<Integer, SortedSet<Integer>> strays(
            PlannedRead before, PlannedRead after, Map<Integer, SortedMap<Integer, BigDecimal>> written) {
        SheetSnapshot was = before.snapshot();
        SheetSnapshot now = after.snapshot();
        int keyWas = refresh.keyColumnIn(was.columns());
        int keyNow = refresh.keyColumnIn(now.columns());
        List<Integer> columnsWas = MetricsRefresh.metricColumns(before);
        List<Integer> columnsNow = MetricsRefresh.metricColumns(after);
        SortedMap<Integer, SortedSet<Integer>> strays = new TreeMap<>();
        written.forEach((metric, rows) -> {
            if (rows.isEmpty() || mark(after, metric).isEmpty()) {
                return;
            }
            int column = columnsNow.get(metric);
            SortedSet<Integer> found = new TreeSet<>();
            rows.forEach((row, value) -> {
                if (!now.cell(keyNow, row).showsSomething()
                        && holds(now.cell(column, row), value)
                        && keylessHolding(was, keyWas, columnsWas.get(metric), row, value) == 0) {
                    found.add(row);
                }
            });
            if (!found.isEmpty()) {
                strays.put(metric, found);
            }
        });
        return strays;
    }

    /** How many rows without a key around {@code row} hold {@code value} in the metric column, in a read. */
    private static int keylessHolding(SheetSnapshot grid, int key, int column, int row, BigDecimal value) {
        if (!grid.cellsByColumn().containsKey(column)) {
            return 0;
        }
        int count = 0;
        for (int r = Math.max(1, row - STRAY_NEIGHBOURHOOD); r <= row + STRAY_NEIGHBOURHOOD; r++) {
            if (!grid.cell(key, r).showsSomething() && holds(grid.cell(column, r), value)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Formulas of metric cells that rows moved into a cell this run wrote: seen at one row by the
     * planning read, their spool's row now holds a number this run wrote.
     */
    private List<String> formulasOverwritten(
            PlannedRead before, PlannedRead after, Map<Integer, SortedMap<Integer, BigDecimal>> written) {
        SheetSnapshot was = before.snapshot();
        SheetSnapshot now = after.snapshot();
        int keyWas = refresh.keyColumnIn(was.columns());
        int keyNow = refresh.keyColumnIn(now.columns());
        Map<String, Integer> rowNow = uniqueRows(now, keyNow);
        Map<String, Integer> rowWas = uniqueRows(was, keyWas);
        List<Integer> columnsWas = MetricsRefresh.metricColumns(before);
        List<Integer> columnsNow = MetricsRefresh.metricColumns(after);
        List<String> warnings = new ArrayList<>();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            SortedMap<Integer, BigDecimal> rows = written.getOrDefault(m, new TreeMap<>());
            for (Map.Entry<String, Integer> spool : rowWas.entrySet()) {
                int r0 = spool.getValue();
                GridCell formula = was.cellsByColumn().containsKey(columnsWas.get(m))
                        ? was.cell(columnsWas.get(m), r0)
                        : GridCell.EMPTY;
                Integer r1 = rowNow.get(spool.getKey());
                if (!formula.managed() || r1 == null || r1 == r0 || !rows.containsKey(r1)) {
                    continue;
                }
                GridCell cell = now.cell(columnsNow.get(m), r1);
                if (!cell.managed()) {
                    String where = refresh.sheet() + "!" + ColumnLetters.of(columnsNow.get(m)) + (r1 + 1);
                    warnings.add(where + " (spool " + spool.getKey() + ") held "
                            + (formula.formula() != null
                                    ? "the formula " + formula.formula()
                                    : "an array formula's output")
                            + "; a row inserted or deleted above it in the instant of this run's write moved it under"
                            + " the write, which replaced it with "
                            + rows.get(r1).toPlainString()
                            + ". Type the formula again.");
                }
            }
        }
        return warnings;
    }

    private static Map<String, Integer> uniqueRows(SheetSnapshot grid, int key) {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<GridCell> cells = grid.cellsByColumn().getOrDefault(key, List.of());
        for (int row = 1; row < cells.size(); row++) {
            GridCell cell = cells.get(row);
            if (!cell.showsSomething()) {
                continue;
            }
            String id = cell.shown().strip();
            if (seen.merge(id, 1, Integer::sum) == 1) {
                rows.put(id, row);
            } else {
                rows.remove(id);
            }
        }
        return rows;
    }
}
