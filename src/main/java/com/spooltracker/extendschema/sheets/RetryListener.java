package com.spooltracker.extendschema.sheets;

/**
 * Hears of each Sheets request about to be sent again, once per retry and before its pause, so
 * that a shell can log it: the function into Cloud Logging with the request's trace, the CLI on
 * stderr. Called on the thread that runs the request; it must not throw.
 */
@FunctionalInterface
public interface RetryListener {
    RetryListener NONE = retry -> {};

    void retrying(Retry retry);
}
