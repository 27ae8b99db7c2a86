package com.spooltracker.extendschema;

import com.spooltracker.extendschema.sheets.RetryListener;
import java.util.Optional;

/**
 * What one call does, for both shells: the migration step, then, when asked, the metrics refresh,
 * on one Sheets client and call counter, under the sheet's lock when either may write. The
 * migration runs first and unchanged, so a v3.0 sheet is migrated and filled in one call; a refused
 * migration (409) refreshes nothing.
 */
public final class Engine {
    private final Migration migration;

    public Engine(Migration migration) {
        this.migration = migration;
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
        if (!options.refreshMetrics()) {
            return new Outcome(migration.run(options.dryRun(), retries), Optional.empty());
        }
        try (Migration.Session session = migration.open(options.dryRun(), retries)) {
            Migration.Stepped stepped = migration.step(session, options.dryRun(), true);
            RunResult.Calls before = session.calls();
            long refreshStarted = System.nanoTime();
            RefreshResult refresh = migration.refresh().run(session.gateway, stepped.forRefresh(), options.dryRun());
            RunResult.Calls total = session.calls();
            RunResult.Calls own = new RunResult.Calls(total.reads() - before.reads(), total.writes() - before.writes(),
                    total.retries() - before.retries());
            return new Outcome(withTotals(stepped.result(), total, session.millis()),
                    Optional.of(new Refreshed(refresh, own, (System.nanoTime() - refreshStarted) / 1_000_000)));
        }
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
