package io.sheetsemulator.control;

import java.time.Duration;

/**
 * A clock that moves only when told to: {@link #advance} slides quota windows and releases delay
 * faults whose time has come. Thread-safe.
 *
 * <pre>
 * FakeClock clock = new FakeClock();
 * try (SheetsEmulator emu = SheetsEmulator.start(clock)) {
 *   emu.setQuota(new Quota(0, 1, Duration.ofMinutes(1)));
 *   ... one read passes, the next is 429 ...
 *   clock.advance(Duration.ofMinutes(1));   // the window has slid: reads pass again
 * }
 * </pre>
 */
public final class FakeClock implements EmulatorClock {

    private long now;
    private int sleeping;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long until = now + duration.toNanos();
        sleeping++;
        notifyAll();
        try {
            while (now < until) {
                wait();
            }
        } finally {
            sleeping--;
            notifyAll();
        }
    }

    /** Moves time forward, waking every request whose delay is over. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now += duration.toNanos();
        notifyAll();
    }

    /** Blocks until at least {@code count} requests are held by a delay on this clock. */
    public synchronized void awaitSleeping(int count) throws InterruptedException {
        while (sleeping < count) {
            wait();
        }
    }
}
