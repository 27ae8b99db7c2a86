package com.spooltracker.extendschema.sheets;

import java.time.Duration;

/**
 * How hard a run tries to reach Sheets. Every call is retried on 429, 500, 502, 503, 504 and I/O
 * errors with exponential backoff and jitter, honouring Retry-After, until {@code deadline} (measured
 * from the start of the run) would be passed; it should leave room inside the function's timeout.
 * Each attempt's connect and read timeouts are also cut to the time left before the deadline, so a
 * run ends within about {@code deadline} even when an answer is slow.
 */
public record RetryPolicy(
        Duration deadline,
        Duration connectTimeout,
        Duration readTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxRetriesPerCall) {

    public static RetryPolicy withDeadline(Duration deadline) {
        return new RetryPolicy(
                deadline,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofMillis(500),
                Duration.ofSeconds(32),
                10);
    }

    public RetryPolicy withReadTimeout(Duration readTimeout) {
        return new RetryPolicy(deadline, connectTimeout, readTimeout, initialBackoff, maxBackoff, maxRetriesPerCall);
    }

    public RetryPolicy withInitialBackoff(Duration initialBackoff) {
        return new RetryPolicy(deadline, connectTimeout, readTimeout, initialBackoff, maxBackoff, maxRetriesPerCall);
    }
}
