package com.spooltracker.extendschema;

import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.metrics.MetricsSnapshot;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.RetryListener;
import java.util.List;
import java.util.Optional;

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

    public Engine(Migration migration) {
        this.migration = migration;
        this.refresh = migration.refresh();
        this.audit = migration.auditLog();
    }

    public Migration.Target target() {
        return migration.target();
    }

    /**
     * @param migration the migration step's result; its calls and duration cover the whole call
     * @param refresh the refresh, when it was asked for
     */
    public record Outcome(RunResult migration, Optional<Refreshed> refresh) {}

    /** The refresh's result and what it alone cost. */
    public record Refreshed(RefreshResult result, RunResult.Calls calls, long durationMillis) {}

    public Outcome run(RunOptions options) {
        return run(options, RetryListener.NONE);
    }

    /** As {@link #run(RunOptions)}, telling {@code retries} of each Sheets request sent again. */
    public Outcome run(RunOptions options, RetryListener retries) {
        boolean dryRun = options.dryRun();
        try (Migration.Session session = migration.open(dryRun, retries)) {
            Migrated migrated = migrate(session, dryRun, options.refreshMetrics());
            if (!options.refreshMetrics()) {
                return new Outcome(migrated.result(), Optional.empty());
            }
            RunResult.Calls before = session.calls();
            long refreshStarted = System.nanoTime();
            RefreshResult refreshed = refresh(session, migrated.forRefresh(), dryRun);
            RunResult.Calls total = session.calls();
            RunResult.Calls own = new RunResult.Calls(
                    total.reads() - before.reads(),
                    total.writes() - before.writes(),
                    total.retries() - before.retries());
            return new Outcome(
                    withTotals(migrated.result(), total, session.millis()),
                    Optional.of(new Refreshed(refreshed, own, (System.nanoTime() - refreshStarted) / 1_000_000)));
        }
    }

    /** The migration step's result, and what the refresh that may follow needs from it. */
    private record Migrated(RunResult result, MetricsRefresh.Step forRefresh) {}

    /**
     * The migration: read → plan → render (dry run) or apply → audit. With {@code forRefresh}, its one
     * read also learns which metric cells a formula produces, so the refresh needs no read for that.
     */
    private Migrated migrate(Migration.Session session, boolean dryRun, boolean forRefresh) {
        SheetSnapshot snapshot = migration.read(session, forRefresh);
        Plan plan = migration.plan(snapshot);
        RunResult result;
        if (plan.isUpToDate()) {
            result = new RunResult.UpToDate(plan, session.calls(), session.millis(), dryRun);
        } else if (dryRun) {
            List<PlannedRequest> requests = migration.render(session, plan);
            result = new RunResult.DryRun(plan, session.calls(), session.millis(), requests);
        } else {
            migration.apply(session, plan, snapshot.columns());
            RunResult.Audit audited =
                    audit.record(session.gateway, Migration.auditEntry(plan), "The migration itself is complete.");
            result = new RunResult.Applied(plan, session.calls(), session.millis(), audited);
        }
        return new Migrated(result, migration.forRefresh(snapshot, plan, !dryRun));
    }

    /** The metrics refresh: read → plan the drift → report it (dry run) or apply it → audit. */
    private RefreshResult refresh(Migration.Session session, MetricsRefresh.Step step, boolean dryRun) {
        MetricsSnapshot snapshot = refresh.read(session.gateway, step);
        DriftReport drift = MetricsRefresh.plan(snapshot);
        if (drift.upToDate()) {
            return new RefreshResult.UpToDate(drift, dryRun);
        }
        if (dryRun) {
            return new RefreshResult.DryRun(drift);
        }
        int requests = refresh.apply(session.gateway, drift);
        RunResult.Audit audited =
                audit.record(session.gateway, refresh.auditEntry(drift), "The metrics themselves are written.");
        return new RefreshResult.Applied(drift, requests, audited);
    }

    private static RunResult withTotals(RunResult result, RunResult.Calls calls, long millis) {
        if (result instanceof RunResult.Applied applied) {
            return new RunResult.Applied(applied.plan(), calls, millis, applied.audit());
        }
        if (result instanceof RunResult.DryRun dryRun) {
            return new RunResult.DryRun(dryRun.plan(), calls, millis, dryRun.requests());
        }
        RunResult.UpToDate upToDate = (RunResult.UpToDate) result;
        return new RunResult.UpToDate(upToDate.plan(), calls, millis, upToDate.dryRun());
    }
}
