package io.sheetsemulator.control;

import java.time.Duration;

/**
 * Where the emulator's time comes from: quota windows and delay faults. {@link #SYSTEM} is the real
 * clock; tests pass a {@link FakeClock} and advance it instead of waiting.
 */
public interface EmulatorClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Blocks the calling request for {@code duration} of this clock's time. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock. */
    EmulatorClock SYSTEM = new EmulatorClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };
}
