package com.spooltracker.extendschema.testing;

import com.spooltracker.extendschema.sheets.RetryClock;
import io.sheetsemulator.control.FakeClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The function's retries on an emulator's {@link FakeClock}: a pause before a retry advances the clock
 * instead of sleeping, and the retry deadline is read from it. The emulator's quota windows and delay
 * faults run on the same clock, so a Retry-After of a minute is waited out in no time and the quota
 * has slid when the retry comes.
 *
 * <p>A function the invoker creates finds its clock by the id in the {@value #PROPERTY} system property
 * (set by {@link FunctionFixture#fakeTime}), since the invoker builds it with no arguments.
 */
public final class FakeRetryClock implements RetryClock {
    /** The setting naming the registered clock a test function is to use; read by test code only. */
    public static final String PROPERTY = "test.fakeRetryClock";

    private static final Map<String, FakeClock> REGISTERED = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final FakeClock clock;

    public FakeRetryClock(FakeClock clock) {
        this.clock = clock;
    }

    /** Registers {@code clock}; the id returned is the value of {@value #PROPERTY} that finds it. */
    public static String register(FakeClock clock) {
        String id = "clock-" + IDS.incrementAndGet();
        REGISTERED.put(id, clock);
        return id;
    }

    /** The clock that {@value #PROPERTY} names in {@code properties}, if any. */
    public static Optional<RetryClock> named(Properties properties) {
        return Optional.ofNullable(properties.getProperty(PROPERTY))
                .map(id -> Optional.ofNullable(REGISTERED.get(id))
                        .orElseThrow(() -> new IllegalStateException("no fake clock registered as " + id)))
                .map(FakeRetryClock::new);
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public void sleep(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }
}
