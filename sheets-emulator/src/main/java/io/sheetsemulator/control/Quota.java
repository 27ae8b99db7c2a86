package io.sheetsemulator.control;

import java.time.Duration;

/**
 * A per-window request quota: the (N+1)th write (or read) inside any sliding {@code window} answers
 * 429 RESOURCE_EXHAUSTED without being applied. Rejected requests do not use up quota.
 *
 * @param writesPerWindow 0 = writes are unlimited
 * @param readsPerWindow 0 = reads are unlimited
 */
public record Quota(int writesPerWindow, int readsPerWindow, Duration window) {

    public Quota {
        if (writesPerWindow < 0 || readsPerWindow < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("quota needs counts >= 0 and a positive window");
        }
    }

    /** Google's shape: {@code writes} write requests per minute, reads unlimited. */
    public static Quota perMinute(int writes) {
        return new Quota(writes, 0, Duration.ofMinutes(1));
    }
}
