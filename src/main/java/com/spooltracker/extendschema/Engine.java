package com.spooltracker.extendschema;

import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.metrics.SheetColumns;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.migrations.VersionPlan;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlannedRead;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.RetryListener;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one call does, for both shells, composed of the steps of each operation, Flyway-like: read →
 * plan (validation included) → render (a dry run stops here) → apply → audit. The migration runs
 * first and unchanged, then, when asked, the metrics refresh, on one Sheets client and call counter,
 * under the sheet's lock when either may write: a v3.0 sheet is migrated and filled in one call, and a
 * refused migration (409) refreshes nothing.
 */
public final class Engine {
    private final Migration migration;
    private final MetricsRefresh refresh;
    private final AuditLog audit;
    private final RunContext.Opener runs;

    private Engine(Migration migration, MetricsRefresh refresh, AuditLog audit, RunContext.Opener runs) {
        this.migration = migration;
        this.refresh = refresh;
        this.audit = audit;
        this.runs = runs;
    }

    /**
     * The engine of one target, its steps wired as siblings: the migration, the metrics refresh (sharing
     * the column-map cache) and the audit step, each run opened on {@code clients}.
     */
    public static Engine of(
            SheetsClientFactory clients,
            Target target,
            RetryPolicy policy,
            ColumnMapCache cache,
            Clock clock,
            Schema schema) {
        return new Engine(
                new Migration(target, cache, clock, schema),
                new MetricsRefresh(target, cache, schema.metrics()),
                new AuditLog(target.auditSheet(), clock),
                new RunContext.Opener(clients, target, policy));
    }

    public Target target() {
        return migration.target();
    }

    /**
     * What one call did, step by step.
     *
     * @param migration the migration step's result, with its own calls and duration
     * @param refresh the refresh, when it was asked for, with its own calls and duration
     * @param calls the whole call's Sheets requests, retries included
     * @param durationMillis the whole call's duration
     */
    public record Outcome(
            RunResult migration, Optional<Refreshed> refresh, RunResult.Calls calls, long durationMillis) {}

    /** The refresh's result and what it alone cost. */
    public record Refreshed(RefreshResult result, RunResult.Calls calls, long durationMillis) {}

    /** {@code validate}: every sheet and the history against the migration files; writes nothing. */
    SchemaInspection.Validation validate(RetryListener retries) {
        try (RunContext session = runs.open(true, retries)) {
            return inspection().validate(session);
        }
    }

    /** {@code info}: every migration, applied or pending; writes nothing. */
    SchemaInspection.Info info(RetryListener retries) {
        try (RunContext session = runs.open(true, retries)) {
            return inspection().info(session);
        }
    }

    private SchemaInspection inspection() {
        return new SchemaInspection(migration.schema(), migration.target().names());
    }

    public Outcome run(RunOptions options) {
        return run(options, RetryListener.NONE);
    }

    /** As {@link #run(RunOptions)}, telling {@code retries} of each Sheets request sent again. */
    public Outcome run(RunOptions options, RetryListener retries) {
        boolean dryRun = options.dryRun();
        try (RunContext session = runs.open(dryRun, retries)) {
            if (!options.refreshMetrics()) {
                RunResult migrated =
                        migrate(session, dryRun, false, Step.start(session)).result();
                return new Outcome(migrated, Optional.empty(), session.calls(), session.millis());
            }
            long refreshStarted = System.nanoTime();
            // Uniones first: then the grid read of Operaciones is the last read before any write.
            SheetColumns.Uniones uniones = null;
            Failure unionesFailure = null;
            try {
                uniones = refresh.readUniones(session.gateway);
            } catch (Failure failure) {
                unionesFailure = failure;
            }
            RunResult.Calls unionesRead = session.calls();
            long unionesMillis = (System.nanoTime() - refreshStarted) / 1_000_000;
            Migrated migrated = migrate(session, dryRun, true, Step.start(session));
            if (unionesFailure != null) {
                throw withMigrationSaid(unionesFailure, migrated.result());
            }
            Step refreshStep = Step.start(session);
            RefreshResult refreshed = refresh(session, migrated.forRefresh(), uniones, dryRun);
            // The refresh's own cost: its read of Uniones before the migration step, and what it did after.
            RunResult.Calls own = unionesRead.plus(refreshStep.calls(session));
            long refreshMillis = unionesMillis + refreshStep.millis(session);
            return new Outcome(
                    migrated.result(),
                    Optional.of(new Refreshed(refreshed, own, refreshMillis)),
                    session.calls(),
                    session.millis());
        }
    }

    /** The migration step's result, and what the refresh that may follow needs from it. */
    private record Migrated(RunResult result, PlannedRead forRefresh) {}

    /**
     * The migration: read → plan → render (dry run) or apply → audit. With {@code forRefresh}, its one
     * read also holds every cell of the key, OT and metric columns with their formulas, and the
     * columns' marks: the read every decision of the refresh comes from.
     */
    /** Where a step started in its run: what it alone costs is the run's figures since. */
    private record Step(RunResult.Calls calls, long millis) {
        static Step start(RunContext session) {
            return new Step(session.calls(), session.millis());
        }

        RunResult.Calls calls(RunContext session) {
            return session.calls().minus(calls);
        }

        long millis(RunContext session) {
            return session.millis() - millis;
        }
    }

    private Migrated migrate(RunContext session, boolean dryRun, boolean forRefresh, Step step) {
        SheetSnapshot snapshot = migration.read(session, forRefresh);
        Plan plan = migration.plan(snapshot);
        VersionPlan versions = migration.planVersions(session, snapshot, plan);
        if (versions.readOtherSheets() && !dryRun) {
            // Another sheet was read after this one: read this one again, so that its read stays the last
            // before any write, as the refresh's safety under live edits rests on (a dry run writes nothing).
            snapshot = migration.read(session, forRefresh);
            plan = migration.plan(snapshot);
            versions = migration.replanVersions(snapshot, plan, versions);
        }
        RunResult result;
        if (plan.isUpToDate() && versions.writesNothing()) {
            result = new RunResult.UpToDate(plan, versions, step.calls(session), step.millis(session), dryRun);
        } else if (dryRun) {
            List<PlannedRequest> requests = migration.render(session, plan, versions);
            result = new RunResult.DryRun(plan, versions, step.calls(session), step.millis(session), requests);
        } else {
            Migration.Applied applied = migration.apply(session, plan, snapshot, forRefresh, versions);
            plan = applied.plan();
            snapshot = applied.snapshot();
            if (plan.isUpToDate() && versions.writesNothing()) {
                result = new RunResult.UpToDate(plan, versions, step.calls(session), step.millis(session), false);
            } else {
                RunResult.Audit audited = audit.record(
                        session.gateway, Migration.auditEntry(plan, versions), "The migration itself is complete.");
                result = new RunResult.Applied(plan, versions, step.calls(session), step.millis(session), audited);
            }
        }
        return new Migrated(result, migration.forRefresh(snapshot, plan, !dryRun));
    }

    /**
     * The metrics refresh: plan the drift from the migration step's read → report it (dry run) or
     * write it through the columns' marks, verified and repaired ({@link AnchoredWrite}) → audit.
     */
    private RefreshResult refresh(RunContext session, PlannedRead step, SheetColumns.Uniones uniones, boolean dryRun) {
        DriftReport drift = MetricsRefresh.plan(refresh.snapshot(step, uniones));
        if (drift.upToDate()) {
            return new RefreshResult.UpToDate(drift, dryRun);
        }
        if (dryRun) {
            return new RefreshResult.DryRun(drift, AnchoredWrite.planned(step, drift));
        }
        Supplier<PlannedRead> reread = () -> {
            SheetSnapshot again = migration.read(session, true);
            return migration.forRefresh(again, migration.plan(again), false);
        };
        AnchoredWrite.Outcome written = new AnchoredWrite(session.gateway, refresh, uniones, reread).apply(step, drift);
        if (written.cellsWritten() == 0 && written.warnings().isEmpty()) {
            return new RefreshResult.UpToDate(written.drift(), false);
        }
        RunResult.Audit audited = written.cellsWritten() == 0
                ? RunResult.Audit.skipped("Nothing was written, so no audit row.")
                : audit.record(
                        session.gateway,
                        refresh.auditEntry(written.drift(), written.cellsWritten(), written.repairRounds()),
                        "The metrics themselves are written.");
        return new RefreshResult.Applied(
                written.drift(),
                written.cellsWritten(),
                written.requests(),
                written.repairRounds(),
                written.warnings(),
                audited);
    }

    /**
     * A refresh that cannot start (no {@code Uniones}, a column missing) after the migration step ran
     * or was planned: the same failure, saying what the migration step did or would do.
     */
    private static Failure withMigrationSaid(Failure failure, RunResult migrated) {
        String said;
        if (migrated instanceof RunResult.Applied applied) {
            said = " The migration step ran (" + summary(applied.plan()) + "); the metrics were not refreshed.";
        } else if (migrated instanceof RunResult.DryRun dry) {
            said = " Nothing was written. The migration step alone would " + summary(dry.plan())
                    + "; a dry run without refreshMetrics shows its plan.";
        } else {
            said = " Nothing was written; the migration step had nothing to do.";
        }
        String message = failure.getMessage() + said;
        if (failure instanceof Failure.NotFound) {
            return new Failure.NotFound(message);
        }
        if (failure instanceof Failure.Conflicted conflicted) {
            return new Failure.Conflicted(message, conflicted.conflicts());
        }
        return failure;
    }

    private static String summary(Plan plan) {
        List<String> headers = plan.added().stream().map(p -> p.spec().header()).toList();
        String add = headers.isEmpty() ? "add no column" : "add " + String.join(", ", headers);
        return add + " and set " + String.format("%,d", plan.cellsToInitialize()) + " cells to 0";
    }
}
