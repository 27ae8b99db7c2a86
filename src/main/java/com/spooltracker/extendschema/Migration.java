package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.cache.SheetKey;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.Conflict;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlanResult;
import com.spooltracker.extendschema.schema.Planner;
import com.spooltracker.extendschema.schema.ReadScope;
import com.spooltracker.extendschema.schema.SchemaV4;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.ApiCallCounter;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.RetryListener;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The engine: read a snapshot of the sheet (I/O), plan (pure), apply (I/O), report. Shared by the
 * HTTP function and the CLI.
 *
 * <p>Reads: one {@code spreadsheets.get} fetches grid, header row and the needed columns. Which
 * columns those are comes from the {@link ColumnMapCache} on a warm instance and from the v3.0 layout
 * on a cold one; the header in the same answer confirms it, and only when it does not is there a
 * second read. Writes: one
 * structural update (absolute column count, number formats), then the values (headers and defaults,
 * split only to keep bodies within 2 MB), then the cache takes the new layout and an audit row is appended.
 */
public final class Migration {
    /** Applies on the same sheet are serialized within an instance; other instances converge anyway. */
    private static final ConcurrentMap<SheetKey, ReentrantLock> APPLY_LOCKS = new ConcurrentHashMap<>();
    private static final int LAYOUT_READS_AT_MOST = 3;
    private static final int UNKNOWN_GRID = -1;

    private final SheetsClientFactory clients;
    private final Target target;
    private final RetryPolicy retryPolicy;
    private final ColumnMapCache cache;
    private final Clock clock;

    /** Which sheet a migration works on, and how it recognises data rows and records its runs. */
    public record Target(String spreadsheetId, String sheet, String keyColumn, Optional<String> auditSheet) {
        SheetKey key() {
            return new SheetKey(spreadsheetId, sheet);
        }
    }

    public Migration(SheetsClientFactory clients, Target target, RetryPolicy retryPolicy, ColumnMapCache cache, Clock clock) {
        this.clients = clients;
        this.target = target;
        this.retryPolicy = retryPolicy;
        this.cache = cache;
        this.clock = clock;
    }

    public Target target() {
        return target;
    }

    /** The metrics refresh of the same sheet, sharing this migration's cache and clock. */
    MetricsRefresh refresh() {
        return new MetricsRefresh(target, cache, clock);
    }

    /**
     * @throws Failure.Conflicted when the sheet is in a state the migration will not touch (nothing is written)
     * @throws Failure for everything else a caller should hear about
     */
    public RunResult run(boolean dryRun) {
        return run(dryRun, RetryListener.NONE);
    }

    /** As {@link #run(boolean)}, telling {@code retries} of each Sheets request sent again. */
    public RunResult run(boolean dryRun, RetryListener retries) {
        try (Session session = open(dryRun, retries)) {
            return step(session, dryRun, false).result();
        }
    }

    /**
     * One run's Sheets client, call counter and start time, and, when it may write, the sheet's lock
     * (held until closed, so that a refresh that follows the migration stays inside it).
     */
    final class Session implements AutoCloseable {
        final long started = System.nanoTime();
        final ApiCallCounter counter = new ApiCallCounter();
        final SheetsGateway gateway;
        private final ReentrantLock lock;

        private Session(boolean dryRun, RetryListener retries) {
            gateway = clients.gateway(target.spreadsheetId(), retryPolicy, counter, retries);
            lock = dryRun ? null : APPLY_LOCKS.computeIfAbsent(target.key(), k -> new ReentrantLock());
            if (lock != null) {
                lock.lock();
            }
        }

        RunResult.Calls calls() {
            return Migration.calls(counter);
        }

        long millis() {
            return millisSince(started);
        }

        @Override
        public void close() {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    Session open(boolean dryRun, RetryListener retries) {
        return new Session(dryRun, retries);
    }

    /** The migration step's result, and what the metrics refresh that may follow needs from it. */
    record Stepped(RunResult result, MetricsRefresh.Step forRefresh) {}

    /**
     * The migration step. With {@code forRefresh}, its one read also learns which metric cells a
     * formula produces, so that the refresh needs no read of its own for that.
     */
    Stepped step(Session session, boolean dryRun, boolean forRefresh) {
        SheetsGateway gateway = session.gateway;
        ApiCallCounter counter = session.counter;
        long started = session.started;
        SheetSnapshot snapshot = read(gateway, forRefresh);
        Plan plan = plan(snapshot);
        RunResult result;
        if (plan.isUpToDate()) {
            result = new RunResult.UpToDate(plan, calls(counter), millisSince(started), dryRun);
        } else if (dryRun) {
            List<PlannedRequest> requests = PlannedRequest.of(plan);
            checkWorkbookCellLimit(gateway, plan);
            result = new RunResult.DryRun(plan, calls(counter), millisSince(started), requests);
        } else {
            RunResult.Audit audit = apply(gateway, plan, snapshot.columns());
            result = new RunResult.Applied(plan, calls(counter), millisSince(started), audit);
        }
        List<BitSet> managed = new ArrayList<>();
        for (ColumnSpec spec : SchemaV4.METRIC_COLUMNS) {
            managed.add(plan.present().stream().filter(p -> p.spec().equals(spec)).findFirst()
                    .map(p -> snapshot.managedRows(p.index())).orElseGet(BitSet::new));
        }
        return new Stepped(result, new MetricsRefresh.Step(plan, snapshot.columns().withAdded(plan.added()), !dryRun, managed));
    }

    /**
     * One {@code spreadsheets.get} of the columns the layout needs: the cached layout's on a warm
     * instance, the v3.0 layout's on a cold one. The header in the answer is the truth: when it needs
     * columns that were not read (another layout, a changed header, a grown grid), read again.
     */
    private SheetSnapshot read(SheetsGateway gateway, boolean formulas) {
        SheetKey key = target.key();
        SortedSet<Integer> columns = cache.peek(key)
                .map(layout -> scope(layout, UNKNOWN_GRID))
                .orElseGet(() -> ReadScope.presumedV3Layout(SchemaV4.METRIC_COLUMNS));
        for (int attempt = 0; attempt < LAYOUT_READS_AT_MOST; attempt++) {
            SheetSnapshot snapshot;
            try {
                snapshot = gateway.readColumns(target.sheet(), columns, formulas);
            } catch (SheetsGateway.StaleLayout stale) {
                // A column asked for lies past the grid: learn the header first.
                cache.invalidate(key);
                SheetSnapshot header = gateway.readHeader(target.sheet());
                columns = scope(header.columns(), header.columnCount());
                continue;
            }
            SortedSet<Integer> needed = scope(snapshot.columns(), snapshot.columnCount());
            if (snapshot.columnsRead().containsAll(needed)) {
                remember(snapshot.columns());
                return snapshot;
            }
            cache.invalidate(key);
            columns = needed;
        }
        throw new Failure.Conflicted("The header of sheet '" + target.sheet() + "' changed on each of "
                + LAYOUT_READS_AT_MOST + " reads. Nothing was written; run again once edits have settled.", List.of());
    }

    private SortedSet<Integer> scope(ColumnMap layout, int gridColumns) {
        return ReadScope.columnsToRead(layout, target.keyColumn(), SchemaV4.METRIC_COLUMNS, gridColumns);
    }

    private void remember(ColumnMap layout) {
        SheetKey key = target.key();
        if (!cache.peek(key).map(cached -> cached.sameLayoutAs(layout)).orElse(false)) {
            cache.invalidate(key);
            cache.getOrBuild(key, () -> layout);
        }
    }

    private Plan plan(SheetSnapshot snapshot) {
        PlanResult result = Planner.plan(snapshot, target.keyColumn(), SchemaV4.METRIC_COLUMNS);
        if (result instanceof PlanResult.Refused refused) {
            String reasons = refused.conflicts().stream().map(Conflict::message).collect(Collectors.joining(" "));
            throw new Failure.Conflicted("Nothing was written to sheet '" + target.sheet() + "'. " + reasons,
                    refused.conflicts());
        }
        return ((PlanResult.Ready) result).plan();
    }

    /**
     * An apply that grows the grid past the spreadsheet's cell limit is refused by Google, atomically;
     * the dry run predicts that with one small read of every sheet's size, only when the grid grows.
     */
    private void checkWorkbookCellLimit(SheetsGateway gateway, Plan plan) {
        if (!plan.growsGrid()) {
            return;
        }
        long others = gateway.gridSizes().stream().filter(size -> !size.title().equals(plan.sheet()))
                .mapToLong(SheetsGateway.GridSize::cells).sum();
        Planner.workbookCellLimit(plan, others).ifPresent(conflict -> {
            throw new Failure.Conflicted("Nothing was written to sheet '" + target.sheet() + "'. " + conflict.message(),
                    List.of(conflict));
        });
    }

    private RunResult.Audit apply(SheetsGateway gateway, Plan plan, ColumnMap layoutBefore) {
        try {
            gateway.apply(plan);
        } finally {
            // Also after a failure part-way: the header may have changed.
            cache.invalidate(target.key());
        }
        // The header is now known without reading it: the next run on this instance needs one read.
        remember(layoutBefore.withAdded(plan.added()));
        if (target.auditSheet().isEmpty()) {
            return RunResult.Audit.skipped("Auditing is off (AUDIT_SHEET is empty).");
        }
        String sheet = target.auditSheet().get();
        try {
            gateway.appendRow(sheet, auditRow(plan));
            return RunResult.Audit.written(sheet);
        } catch (SheetsGateway.NoSuchSheet noSheet) {
            return RunResult.Audit.skipped("The spreadsheet has no sheet '" + sheet + "' to audit to.");
        } catch (SheetsGateway.AppendUnconfirmed unconfirmed) {
            return RunResult.Audit.unknown("The audit row was sent to sheet '" + sheet + "' but Google's answer was "
                    + "lost, so it may or may not have been written; it was not sent again, to avoid a duplicate. "
                    + "The migration itself is complete.");
        } catch (Failure failure) {
            return RunResult.Audit.failed("The audit row was not written to sheet '" + sheet + "': " + failure.getMessage());
        }
    }

    /** ID, Timestamp, Evento_Tipo, TAG_SPOOL, Worker_ID, Worker_Nombre, Operacion, Accion, Fecha_Operacion, Metadata_JSON. */
    private List<Object> auditRow(Plan plan) {
        JsonObject details = new JsonObject();
        details.addProperty("schema", "v4.0");
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
        return List.of(UUID.randomUUID().toString(), clock.instant().toString(), "SCHEMA_MIGRATION", "", "",
                "extendSchema", "EXTEND_SCHEMA", plan.added().isEmpty() ? "FILL_DEFAULTS" : "ADD_COLUMNS",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(), details.toString());
    }

    private static RunResult.Calls calls(ApiCallCounter counter) {
        return new RunResult.Calls(counter.reads(), counter.writes(), counter.retries());
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
