package io.sheetsemulator.wire;

import io.sheetsemulator.control.EmulatorClock;
import io.sheetsemulator.control.Quota;
import java.util.ArrayDeque;

/** Enforces a {@link Quota} over a sliding window of admitted requests. Thread-safe. */
public final class QuotaGate {

    private final EmulatorClock clock;
    private Quota quota;
    private final ArrayDeque<Long> writes = new ArrayDeque<>();
    private final ArrayDeque<Long> reads = new ArrayDeque<>();

    public QuotaGate(EmulatorClock clock) {
        this.clock = clock;
    }

    public synchronized void set(Quota quota) {
        this.quota = quota;
        writes.clear();
        reads.clear();
    }

    /** True if the request may proceed; an admitted request uses up one unit of its window. */
    synchronized boolean admit(boolean write) {
        if (quota == null) {
            return true;
        }
        int limit = write ? quota.writesPerWindow() : quota.readsPerWindow();
        if (limit == 0) {
            return true;
        }
        ArrayDeque<Long> admitted = write ? writes : reads;
        long now = clock.nanoTime();
        long windowNanos = quota.window().toNanos();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
            admitted.removeFirst();
        }
        if (admitted.size() >= limit) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }
}
