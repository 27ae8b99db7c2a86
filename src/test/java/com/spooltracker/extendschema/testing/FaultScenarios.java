package com.spooltracker.extendschema.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The faults of a fault matrix, and the calls they hit. A matrix crosses every call of a fault-free
 * run (taken from the emulator's request log, so it follows the engine's real call sequence) with
 * every fault the network or Google can produce.
 */
public final class FaultScenarios {
    /**
     * How long a slow answer is held: the emulator runs on a {@link FakeClock}, so it is held until
     * {@link #releaseSlowAnswer} moves the clock, long after the function's short read timeout ({@link #IMPATIENT_READ_TIMEOUT}).
     */
    private static final Duration SLOW_ANSWER = Duration.ofMinutes(1);

    /**
     * The read timeout of the function a slow answer is sent to: the one wait of a fault matrix on the wall
     * clock (a socket's timeout), so short; a call it cuts off by mistake on a busy machine is retried.
     */
    public static final Duration IMPATIENT_READ_TIMEOUT = Duration.ofMillis(200);

    private FaultScenarios() {}

    /** A call of a run: the nth request to an endpoint. */
    public record Call(String endpoint, int nth, boolean isGet) {
        @Override
        public String toString() {
            return endpoint + "#" + nth;
        }
    }

    /** A fault, as the rule that injects it at a call; a slow one needs a function with a short read timeout. */
    public record Fault(String name, boolean slow, Function<Call, FaultRule> rule) {}

    public static final List<Fault> FAULTS = List.of(
            new Fault(
                    "429 Retry-After 1",
                    false,
                    c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(429).retryAfter(1)),
            new Fault("500", false, c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(500)),
            new Fault("503", false, c -> FaultRule.on(c.endpoint()).nth(c.nth()).status(503)),
            // The JDK resends a GET once by itself after a drop; times(2) makes the drop reach our client.
            new Fault(
                    "drop before answering",
                    false,
                    c -> FaultRule.on(c.endpoint())
                            .nth(c.nth())
                            .times(c.isGet() ? 2 : 1)
                            .dropBeforeAnswer()),
            new Fault(
                    "apply, then drop",
                    false,
                    c -> FaultRule.on(c.endpoint())
                            .nth(c.nth())
                            .times(c.isGet() ? 2 : 1)
                            .applyThenDrop()),
            new Fault(
                    "slower than the read timeout",
                    true,
                    c -> FaultRule.on(c.endpoint()).nth(c.nth()).delay(SLOW_ANSWER)));

    /** The calls of a run, in the order the emulator received them. */
    public static List<Call> calls(List<RequestRecord> log) {
        Map<String, Integer> seen = new TreeMap<>();
        List<Call> calls = new ArrayList<>();
        for (RequestRecord record : log) {
            int nth = seen.merge(record.endpoint(), 1, Integer::sum);
            calls.add(new Call(record.endpoint(), nth, record.method().equals("GET")));
        }
        return calls;
    }

    /**
     * After the function gave up on a held answer: let the emulator apply the held request now, as a
     * slow Google would eventually, and wait until it has, so that it cannot land in a later scenario.
     */
    public static void releaseSlowAnswer(SheetsEmulator emulator, FakeClock clock) {
        clock.advance(SLOW_ANSWER);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emulator.requestLog().stream().noneMatch(r -> r.outcome().equals("fault:delay"))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the held request was never applied: " + emulator.requestLog());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** 200, or a JSON error whose code is the status, with a message, never 500, and Retry-After on a 503. */
    public static void assertCleanAnswer(Response response) {
        JsonObject json = response.json();
        if (response.status() == 200) {
            assertFalse(json.has("error"), response::toString);
            return;
        }
        JsonObject error = json.getAsJsonObject("error");
        assertNotNull(error, response::toString);
        assertEquals(response.status(), error.get("code").getAsInt(), response::toString);
        assertFalse(error.get("message").getAsString().isBlank(), response::toString);
        assertTrue(response.status() != 500, response::toString);
        if (response.status() == 503) {
            assertNotNull(response.header("Retry-After"), response::toString);
            assertTrue(error.get("message").getAsString().contains("safe"), response::toString);
        }
    }
}
