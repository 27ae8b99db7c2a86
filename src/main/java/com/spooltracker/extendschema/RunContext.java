package com.spooltracker.extendschema;

import com.spooltracker.extendschema.cache.SheetKey;
import com.spooltracker.extendschema.sheets.ApiCallCounter;
import com.spooltracker.extendschema.sheets.RetryListener;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run, as {@link Engine} opens it for each call: its Sheets client, its call counter and start time,
 * and, when it may write, the sheet's lock (held until closed, so that a refresh that follows the
 * migration stays inside it). The steps take it; none of them owns it.
 */
final class RunContext implements AutoCloseable {
    /** Runs that may write on the same sheet are serialized within an instance; other instances converge anyway. */
    private static final ConcurrentMap<SheetKey, ReentrantLock> WRITE_LOCKS = new ConcurrentHashMap<>();

    final long started = System.nanoTime();
    final ApiCallCounter counter = new ApiCallCounter();
    final SheetsGateway gateway;
    private final ReentrantLock lock;

    /** How a run reaches the spreadsheet: what {@link Engine} opens each run with. */
    record Opener(SheetsClientFactory clients, Target target, RetryPolicy policy) {
        RunContext open(boolean dryRun, RetryListener retries) {
            return new RunContext(this, dryRun, retries);
        }
    }

    private RunContext(Opener opener, boolean dryRun, RetryListener retries) {
        Target target = opener.target();
        gateway = opener.clients().gateway(target.spreadsheetId(), opener.policy(), counter, retries);
        lock = dryRun ? null : WRITE_LOCKS.computeIfAbsent(target.key(), k -> new ReentrantLock());
        if (lock != null) {
            lock.lock();
        }
    }

    /** The calls the run has sent so far, retries included. */
    RunResult.Calls calls() {
        return new RunResult.Calls(counter.reads(), counter.writes(), counter.retries());
    }

    /** Whether the run may write (not a dry run): only such a run puts the column marks. */
    boolean mayWrite() {
        return lock != null;
    }

    long millis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.unlock();
        }
    }
}
