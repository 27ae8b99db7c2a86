package com.spooltracker.extendschema.sheets;

/**
 * The time a run's Sheets calls are measured and paused by: the retry deadline and the timeouts cut to
 * it are read from {@link #nanoTime()}, and every pause before a retry (backoff, Retry-After) is taken
 * by {@link #sleep(long)}. One object for both, so that a pause always moves the clock the deadline is
 * read from. Production uses {@link #SYSTEM}; tests pass a clock that advances instead of sleeping, so
 * that no test waits on the wall clock for a backoff.
 */
public interface RetryClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Pauses the calling thread for {@code millis} of this clock's time. */
    void sleep(long millis) throws InterruptedException;

    /** The machine's monotonic clock and a real sleep. */
    RetryClock SYSTEM = new RetryClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
