package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.cache.SheetKey;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.metrics.MetricColumns;
import com.spooltracker.extendschema.migrations.AppliedMigration;
import com.spooltracker.extendschema.migrations.MigrationFile;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.migrations.SchemaHistory;
import com.spooltracker.extendschema.migrations.SheetNames;
import com.spooltracker.extendschema.migrations.VersionPlan;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.Conflict;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlanResult;
import com.spooltracker.extendschema.schema.PlannedRead;
import com.spooltracker.extendschema.schema.Planner;
import com.spooltracker.extendschema.schema.ReadScope;
import com.spooltracker.extendschema.schema.SchemaV4;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import com.spooltracker.extendschema.sheets.MarkedGrid;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The migration's steps, which {@link Engine} composes: {@link #read} a snapshot of the sheet (I/O),
 * {@link #plan} (pure, validation included), {@link #render} what an apply would send (a dry run),
 * {@link #apply} the plan (I/O); {@link #auditEntry} says what the audit row records.
 *
 * <p>Reads: one read fetches grid, header row and the needed columns: a {@code spreadsheets.get} of
 * the columns the {@link ColumnMapCache} names on a warm instance; on a cold one a {@code
 * spreadsheets.getByDataFilter} of the columns where the tracker has them and of those its layout
 * marks select ({@link LayoutMarks}). The header in the same answer confirms it, and only when it
 * does not is there a second read. Writes: one
 * structural update (absolute column count, number formats), then the values (headers and defaults,
 * split only to keep bodies within 2 MB), then the cache takes the new layout.
 */
public final class Migration {
    private static final int UNKNOWN_GRID = -1;

    private final Target target;
    private final ColumnMapCache cache;
    private final Clock clock;
    private final Schema schema;

    /** @param schema the migration files this migration applies */
    public Migration(Target target, ColumnMapCache cache, Clock clock, Schema schema) {
        this.target = target;
        this.cache = cache;
        this.clock = clock;
        this.schema = schema;
    }

    public Target target() {
        return target;
    }

    public Schema schema() {
        return schema;
    }

    /** The columns the files add to the migrated sheet, in version order. */
    private List<ColumnSpec> mainColumns() {
        return schema.columnsOf(SheetNames.SPOOLS);
    }

    /** What the metrics refresh that follows needs from this step: the read, and the layout once applied. */
    PlannedRead forRefresh(SheetSnapshot snapshot, Plan plan, boolean applied) {
        return new PlannedRead(plan, snapshot, snapshot.columns().withAdded(plan.added()), applied);
    }

    /**
     * One read of the columns the layout needs. On a warm instance, one {@code spreadsheets.get} of the
     * cached layout's columns; on a cold one, one {@code spreadsheets.getByDataFilter} of the header
     * row and the columns the function's marks are on, wherever they now are ({@link #readCold}). The
     * header in the answer is the truth: when it needs columns that were not read (no marks yet,
     * another layout, a changed header, a grown grid), read again.
     */
    SheetSnapshot read(RunContext session, boolean formulas) {
        Optional<ColumnMap> cached = cache.peek(target.key());
        if (cached.isPresent()) {
            return readByPosition(session, scope(cached.get(), UNKNOWN_GRID, formulas), formulas);
        }
        Cold cold = readCold(session, formulas);
        SheetSnapshot snapshot = cold.complete().orElseGet(() -> readByPosition(session, cold.next(), formulas));
        if (session.mayWrite() && cold.read().isPresent()) {
            placeMissingMarks(session, cold.read().get(), snapshot, formulas);
        }
        return snapshot;
    }

    /** Reads {@code columns}, and again while the header in the answer needs others. */
    private SheetSnapshot readByPosition(RunContext session, SortedSet<Integer> columns, boolean formulas) {
        SheetsGateway gateway = session.gateway;
        SheetKey key = target.key();
        return LayoutRead.confirmed(
                columns,
                (SortedSet<Integer> asked) -> {
                    SheetSnapshot snapshot;
                    try {
                        snapshot = gateway.readColumns(target.sheet(), asked, formulas);
                    } catch (SheetsGateway.StaleLayout stale) {
                        // A column asked for lies past the grid: learn the header first.
                        cache.invalidate(key);
                        SheetSnapshot header = gateway.readHeader(target.sheet());
                        return new LayoutRead.Attempt.Again<>(scope(header.columns(), header.columnCount(), formulas));
                    }
                    SortedSet<Integer> needed = scope(snapshot.columns(), snapshot.columnCount(), formulas);
                    if (snapshot.columnsRead().containsAll(needed)) {
                        remember(snapshot.columns());
                        return new LayoutRead.Attempt.Done<>(snapshot);
                    }
                    cache.invalidate(key);
                    return new LayoutRead.Attempt.Again<>(needed);
                },
                target.sheet(),
                "Nothing was written");
    }

    /**
     * A cold read: the snapshot when it read every column the plan needs, else the columns to read
     * next; and the read, when there was one.
     */
    private record Cold(Optional<SheetSnapshot> complete, SortedSet<Integer> next, Optional<MarkedGrid.Read> read) {}

    /**
     * The first read on an instance that has not seen the sheet: its header row, the columns where the
     * tracker has them ({@link #presumed}) and the columns its layout marks select, with, for the
     * refresh, {@code Uniones}' header row and marks.
     */
    private Cold readCold(RunContext session, boolean formulas) {
        SortedSet<Integer> presumed = presumed(formulas);
        MarkedGrid.Read read;
        try {
            read = session.gateway.readMarked(
                    target.sheet(),
                    presumed,
                    formulas,
                    formulas ? Optional.of(target.unionesSheet()) : Optional.empty());
        } catch (SheetsGateway.NoSuchSheet noSheet) {
            // This sheet or Uniones is missing: the read by position says which (the refresh, of Uniones).
            return new Cold(Optional.empty(), presumed, Optional.empty());
        } catch (SheetsGateway.StaleLayout narrow) {
            // The sheet is narrower than the tracker's layout: learn its header first.
            SheetSnapshot header = session.gateway.readHeader(target.sheet());
            return new Cold(
                    Optional.empty(), scope(header.columns(), header.columnCount(), formulas), Optional.empty());
        }
        SheetSnapshot snapshot = read.snapshot();
        SortedSet<Integer> needed = scope(snapshot.columns(), snapshot.columnCount(), formulas);
        if (snapshot.columnsRead().containsAll(needed)) {
            remember(snapshot.columns());
            return new Cold(Optional.of(snapshot), needed, Optional.of(read));
        }
        return new Cold(Optional.empty(), needed, Optional.of(read));
    }

    /**
     * Puts the layout marks a cold read found missing ({@link LayoutMarks}), in one update, so that
     * every later run, on any instance, reads once whatever the layout. Only in a run that may write,
     * whose sheet held still between its reads, and whose plan Google cannot refuse (the planner
     * accepts it and it does not grow the grid): a run that refuses writes nothing at all.
     */
    private void placeMissingMarks(RunContext session, MarkedGrid.Read cold, SheetSnapshot read, boolean refresh) {
        SheetSnapshot snapshot = cold.snapshot();
        List<String> headers = new ArrayList<>();
        headers.add(target.keyColumn());
        mainColumns().forEach(spec -> headers.add(spec.header()));
        if (refresh) {
            headers.add(schema.metrics().spoolKey());
        }
        LayoutMarks.Placement placement = LayoutMarks.missing(
                ColumnMarks.LAYOUT_KEY,
                snapshot.sheetId(),
                snapshot.columns(),
                cold.layoutMarks(),
                headers,
                presumed(refresh));
        if (cold.other().isPresent()) {
            MarkedGrid.Header uniones = cold.other().get();
            placement = placement.and(LayoutMarks.missing(
                    ColumnMarks.UNIONES_KEY,
                    uniones.sheetId(),
                    uniones.columns(),
                    uniones.marks(),
                    schema.metrics().unionColumns(),
                    MetricColumns.UNIONES_PRESUMED));
        }
        if (placement.isEmpty()
                || !snapshot.columns().headers().equals(read.columns().headers())
                || !(Planner.plan(
                                read,
                                Optional.of(target.keyColumn()),
                                mainColumns(),
                                schema.requiresOf(SheetNames.SPOOLS))
                        instanceof PlanResult.Ready ready)
                || (ready.plan().growsGrid() && !ready.plan().isUpToDate())) {
            return;
        }
        try {
            session.gateway.placeColumnMarks(placement.marks(), placement.stale());
        } catch (Failure refused) {
            // The marks only save later runs a read: a run that cannot put them (a reader's access) goes on.
        }
    }

    /** The columns a plan needs; with {@code refresh}, the join column too (OT), which matches spools to unions. */
    private SortedSet<Integer> scope(ColumnMap layout, int gridColumns, boolean refresh) {
        SortedSet<Integer> columns = ReadScope.columnsToRead(layout, target.keyColumn(), mainColumns(), gridColumns);
        if (refresh) {
            columns.addAll(layout.positionsOf(schema.metrics().spoolKey()));
        }
        return columns;
    }

    /**
     * Where the tracker has the columns a run reads: the key column (G), the metric zone (from its last
     * v3.0 column, which a v3.0 grid surely has, to where the metric columns go) and, for the refresh,
     * OT (C). A cold read takes them by position; the header in the same answer confirms them.
     */
    private SortedSet<Integer> presumed(boolean refresh) {
        SortedSet<Integer> columns = new TreeSet<>();
        columns.add(MetricColumns.OPERACIONES_KEY_PRESUMED);
        for (int c = SchemaV4.V3_COLUMN_COUNT - 1;
                c < SchemaV4.V3_COLUMN_COUNT + mainColumns().size();
                c++) {
            columns.add(c);
        }
        if (refresh) {
            columns.add(MetricColumns.OPERACIONES_OT_PRESUMED);
        }
        return columns;
    }

    private void remember(ColumnMap layout) {
        cache.remember(target.key(), layout);
    }

    /** @throws Failure.Conflicted when the sheet is in a state the migration will not touch */
    Plan plan(SheetSnapshot snapshot) {
        return planned(
                snapshot.title(),
                Planner.plan(
                        snapshot,
                        Optional.of(target.keyColumn()),
                        mainColumns(),
                        schema.requiresOf(SheetNames.SPOOLS)));
    }

    private static Plan planned(String title, PlanResult result) {
        if (result instanceof PlanResult.Refused refused) {
            String reasons = refused.conflicts().stream().map(Conflict::message).collect(Collectors.joining(" "));
            throw new Failure.Conflicted(
                    "Nothing was written to sheet '" + title + "'. " + reasons, refused.conflicts());
        }
        return ((PlanResult.Ready) result).plan();
    }

    /**
     * What the run does about each migration version. The history comes with the migrated sheet's read;
     * only when a pending version writes another sheet is that sheet read (its header, then the columns
     * the plan needs, when they lie inside its grid), so a spreadsheet whose history is complete costs no
     * read beyond the first.
     *
     * @throws Failure.Conflicted when another sheet is in a state its migration will not touch
     */
    VersionPlan planVersions(RunContext session, SheetSnapshot snapshot, Plan plan) {
        SchemaHistory history = SchemaHistory.of(snapshot.notes());
        List<MigrationFile> pending = schema.pending(history);
        if (pending.isEmpty()) {
            return VersionPlan.allDone(schema);
        }
        SheetNames names = target.names();
        Map<String, Optional<Plan>> others = new LinkedHashMap<>();
        for (MigrationFile file : pending) {
            for (String sheet : file.sheetsWritten()) {
                if (!names.isSpools(sheet) && !others.containsKey(sheet)) {
                    others.put(sheet, planOther(session, sheet));
                }
            }
        }
        return VersionPlan.of(schema, history, names, plan, others);
    }

    /**
     * Another sheet's plan: one read of its header and grid size; a second only when a column the plan
     * must check lies inside the grid (where a column would be added, or a column whose data rows get a
     * default). A sheet whose grid ends at its last header, as the tracker's {@code Metadata} does, needs
     * no second read.
     */
    /** {@code versions} again, for a newer read of the migrated sheet; the other sheets' plans stand. */
    VersionPlan replanVersions(SheetSnapshot snapshot, Plan plan, VersionPlan versions) {
        return VersionPlan.of(schema, SchemaHistory.of(snapshot.notes()), target.names(), plan, versions.others());
    }

    private Optional<Plan> planOther(RunContext session, String declared) {
        String title = target.names().titleOf(declared);
        Optional<String> key = schema.keyOf(declared);
        List<ColumnSpec> columns = schema.columnsOf(declared);
        Optional<SheetSnapshot> read = session.gateway.readColumnsIfPresent(title, new TreeSet<>());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SheetSnapshot snapshot = read.get();
        ColumnMap header = snapshot.columns();
        List<ColumnSpec> toCheck = columns.stream()
                .filter(c -> c.hasDefault() || header.positionsOf(c.header()).isEmpty())
                .toList();
        boolean defaults = columns.stream().anyMatch(ColumnSpec::hasDefault);
        SortedSet<Integer> needed =
                ReadScope.columnsToRead(header, defaults ? key.orElse("") : "", toCheck, snapshot.columnCount());
        if (!needed.isEmpty()) {
            snapshot = session.gateway.readColumns(title, needed);
        }
        return Optional.of(planned(title, Planner.plan(snapshot, key, columns, schema.requiresOf(declared))));
    }

    /** The history entries a run that applies {@code versions} writes. */
    List<SpreadsheetNote> historyNotes(VersionPlan versions, String identity) {
        String now = clock.instant().toString();
        return versions.toRecord().stream()
                .map(step -> new SpreadsheetNote(
                        0,
                        SchemaHistory.KEY,
                        SchemaHistory.valueOf(new AppliedMigration(
                                step.file().version(),
                                step.file().description(),
                                step.file().script(),
                                step.file().checksum(),
                                now,
                                identity,
                                step.status() == VersionPlan.Status.BASELINE
                                        ? AppliedMigration.BASELINE
                                        : AppliedMigration.APPLIED))))
                .toList();
    }

    /**
     * What an apply of {@code plan} would send, for a dry run. An apply that grows the grid past the
     * spreadsheet's cell limit is refused by Google, atomically; the dry run predicts that with one
     * small read of every sheet's size, only when the grid grows.
     *
     * @throws Failure.Conflicted when Google would refuse the apply
     */
    List<PlannedRequest> render(RunContext session, Plan plan, VersionPlan versions) {
        checkWorkbookCellLimit(session.gateway, plan);
        return PlannedRequest.of(
                plan,
                versions.otherSheets(),
                historyNotes(versions, session.gateway.account().orElse("unknown")));
    }

    private void checkWorkbookCellLimit(SheetsGateway gateway, Plan plan) {
        if (!plan.growsGrid()) {
            return;
        }
        long others = gateway.gridSizes().stream()
                .filter(size -> !size.title().equals(plan.sheet()))
                .mapToLong(SheetsGateway.GridSize::cells)
                .sum();
        Planner.workbookCellLimit(plan, others).ifPresent(conflict -> {
            throw new Failure.Conflicted(
                    "Nothing was written to sheet '" + target.sheet() + "'. " + conflict.message(), List.of(conflict));
        });
    }

    /** What an apply wrote: the plan, and the read it was planned from. */
    record Applied(Plan plan, SheetSnapshot snapshot) {}

    /**
     * Writes the plan: the grid and formats, then the values, the defaults of a column already there
     * through its mark; the cache takes the sheet's new layout.
     *
     * <p>Defaults are written on every run that finds spools the tracker appended, so they must follow
     * their column wherever a person moves it before the write lands. When a metric column already
     * there has no mark the read trusts (a sheet migrated another way), the marks are put first, by
     * position, and the sheet is read and planned again; only marks that read shows under their
     * headers are written through. That costs one more write and one more read, once per spreadsheet.
     *
     * @param refresh the read is for a refresh too (it holds every cell of the key, OT and metric columns)
     */
    Applied apply(RunContext session, Plan plan, SheetSnapshot snapshot, boolean refresh, VersionPlan versions) {
        if (!unmarkedDefaults(plan, snapshot).isEmpty()) {
            session.gateway.placeMarks(
                    snapshot.sheetId(),
                    MarkPlacement.toPlace(snapshot, plan.present()),
                    MarkPlacement.stale(snapshot, plan));
            snapshot = read(session, refresh);
            plan = plan(snapshot);
            if (plan.isUpToDate() && versions.writesNothing()) {
                return new Applied(plan, snapshot);
            }
            List<String> unmarked = unmarkedDefaults(plan, snapshot);
            if (!unmarked.isEmpty()) {
                throw new Failure.Conflicted(
                        "The columns of sheet '" + target.sheet() + "' moved while the migration marked "
                                + String.join(", ", unmarked) + ". Nothing else was written; run again once edits"
                                + " have settled.",
                        List.of());
            }
        }
        ColumnMap layoutBefore = snapshot.columns();
        Map<Integer, Integer> marks = new HashMap<>();
        for (Placement placement : plan.present()) {
            snapshot.trustedAnchor(placement.spec().header(), placement.index())
                    .ifPresent(mark -> marks.put(placement.index(), mark.metadataId()));
        }
        try {
            session.gateway.apply(
                    plan,
                    marks,
                    versions.otherSheets(),
                    historyNotes(versions, session.gateway.account().orElse("unknown")));
        } catch (SheetsGateway.MarkMissed missed) {
            throw new Failure.Conflicted(
                    "Sheet '" + target.sheet() + "' changed while the migration wrote its defaults ("
                            + missed.getMessage() + "). Run again: every write is absolute.",
                    List.of());
        } finally {
            // Also after a failure part-way: the header may have changed.
            cache.invalidate(target.key());
        }
        // The header is now known without reading it: the next run on this instance needs one read.
        remember(layoutBefore.withAdded(plan.added()));
        return new Applied(plan, snapshot);
    }

    /** The headers of the columns already there that the plan fills with defaults and that carry no trusted mark. */
    private static List<String> unmarkedDefaults(Plan plan, SheetSnapshot snapshot) {
        return plan.fills().stream()
                .filter(fill -> !fill.writesHeader() && fill.defaultCells() > 0)
                .map(fill -> fill.placement())
                .filter(p ->
                        snapshot.trustedAnchor(p.spec().header(), p.index()).isEmpty())
                .map(p -> p.spec().header())
                .toList();
    }

    /** What the audit row of an applied plan records. */
    static AuditLog.Entry auditEntry(Plan plan, VersionPlan versions) {
        JsonObject details = new JsonObject();
        JsonArray recorded = new JsonArray();
        for (VersionPlan.Step step : versions.toRecord()) {
            recorded.add(step.file().version() + " " + step.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        details.add("versions", recorded);
        details.addProperty("sheet", plan.sheet());
        JsonArray added = new JsonArray();
        for (Placement placement : plan.added()) {
            JsonObject column = new JsonObject();
            column.addProperty("name", placement.spec().header());
            column.addProperty("column", placement.column());
            added.add(column);
        }
        details.add("added", added);
        details.addProperty("cellsInitialized", plan.cellsToInitialize());
        details.addProperty("gridColumnsBefore", plan.gridColumnsBefore());
        details.addProperty("gridColumnsAfter", plan.gridColumnsAfter());
        return new AuditLog.Entry(
                "SCHEMA_MIGRATION", plan.added().isEmpty() ? "FILL_DEFAULTS" : "ADD_COLUMNS", details);
    }
}
