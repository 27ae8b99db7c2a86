package io.sheetsemulator.wire;

import io.sheetsemulator.control.RequestRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The request log that counters are computed from, and the queue of requests not yet taken by
 * {@link #take}. Thread-safe.
 */
public final class Traffic {

    private final List<RequestRecord> log = new ArrayList<>();
    private final LinkedBlockingQueue<RequestRecord> untaken = new LinkedBlockingQueue<>();

    synchronized void record(RequestRecord record) {
        log.add(record);
        untaken.add(record);
    }

    public synchronized List<RequestRecord> snapshot() {
        return List.copyOf(log);
    }

    /** The oldest request not taken yet, waiting up to {@code timeout} for one; null if none came. */
    public RequestRecord take(Duration timeout) throws InterruptedException {
        return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public synchronized void clear() {
        log.clear();
        untaken.clear();
    }
}
