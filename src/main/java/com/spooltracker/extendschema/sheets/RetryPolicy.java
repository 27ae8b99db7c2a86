package com.spooltracker.extendschema.sheets;

import java.time.Duration;

/**
 * How hard a run tries to reach Sheets. Every call is retried on 429, 500, 502, 503, 504 and I/O
 * errors with exponential backoff and jitter, honouring Retry-After, until {@code deadline} (measured
 * from the start of the run) would be passed; it should leave room inside the function's timeout.
 * Each attempt's connect and read timeouts are also cut to the time left before the deadline, so a
 * run ends within about {@code deadline} even when an answer is slow. A call its caller declares not
 * idempotent (an append) is retried only on answers that say it was not applied.
 *
 * <p>{@link #defaults()} is the one place the defaults live; {@code Config} falls back to them.
 */
public record RetryPolicy(
        Duration deadline,
        Duration connectTimeout,
        Duration readTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxRetriesPerCall) {

    /** Two minutes of retries: well inside the function's timeout (function.yaml), yet past a quota minute. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

    /** The policy of a run that sets nothing. */
    public static RetryPolicy defaults() {
        return withDeadline(DEFAULT_DEADLINE);
    }

    /** The defaults, but retrying until {@code deadline}. */
    public static RetryPolicy withDeadline(Duration deadline) {
        return new RetryPolicy(
                deadline,
                Duration.ofSeconds(10),
                DEFAULT_READ_TIMEOUT,
                DEFAULT_INITIAL_BACKOFF,
                Duration.ofSeconds(32),
                10);
    }

    public RetryPolicy withReadTimeout(Duration readTimeout) {
        return new RetryPolicy(deadline, connectTimeout, readTimeout, initialBackoff, maxBackoff, maxRetriesPerCall);
    }

    public RetryPolicy withInitialBackoff(Duration initialBackoff) {
        return new RetryPolicy(deadline, connectTimeout, readTimeout, initialBackoff, maxBackoff, maxRetriesPerCall);
    }

    /** {@code duration} as a person would say it in a message: "120 s", or "1500 ms" when not whole seconds. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
