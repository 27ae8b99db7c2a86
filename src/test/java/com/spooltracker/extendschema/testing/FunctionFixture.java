package com.spooltracker.extendschema.testing;

import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.EmulatorClock;
import io.sheetsemulator.control.FakeClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Sheets emulator and the function served against it by the real invoker, started once per test
 * class and reset before each test: no spreadsheet (or the demo one), no faults, counters at zero, an
 * empty column-map cache.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FunctionFixture fixture = FunctionFixture.spreadsheet("s1").with("SHEETS_DEADLINE_SECONDS", "3");
 * ... fixture.emulator().seed(seed); Response response = fixture.function().post("dryRun=true"); ...
 * </pre>
 */
public final class FunctionFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final String spreadsheetId;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<Map<String, String>, FunctionServer> variants = new LinkedHashMap<>();
    private String target;
    private boolean demo;
    private EmulatorClock clock = EmulatorClock.SYSTEM;
    private SheetsEmulator emulator;
    private FunctionServer function;

    private FunctionFixture(String spreadsheetId) {
        this.spreadsheetId = spreadsheetId;
    }

    /** The function configured for spreadsheet {@code spreadsheetId}, which each test seeds. */
    public static FunctionFixture spreadsheet(String spreadsheetId) {
        return new FunctionFixture(spreadsheetId);
    }

    /** The function configured for the emulator's demo spreadsheet, seeded afresh before each test. */
    public static FunctionFixture demo() {
        FunctionFixture fixture = new FunctionFixture("demo");
        fixture.demo = true;
        return fixture;
    }

    /** One more setting of the function, as the environment variable of that name. */
    public FunctionFixture with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** Serves {@code httpFunctionClass} instead of the function (e.g. a subclass wired with fake credentials). */
    public FunctionFixture serving(String httpFunctionClass) {
        this.target = httpFunctionClass;
        return this;
    }

    /**
     * Runs the emulator and the function's retries on {@code clock}: the function's backoff and Retry-After
     * pauses advance it instead of sleeping, its retry deadline is read from it, and the emulator's quota
     * windows and delay faults follow it. Serves {@code FakeTimeFunction} unless {@link #serving} names
     * another function that reads {@link FakeRetryClock#PROPERTY}.
     */
    public FunctionFixture fakeTime(FakeClock clock) {
        this.clock = clock;
        settings.put(FakeRetryClock.PROPERTY, FakeRetryClock.register(clock));
        if (target == null) {
            target = "com.spooltracker.extendschema.FakeTimeFunction";
        }
        return this;
    }

    /** Times the emulator's quota windows and delay faults by {@code clock} (e.g. a {@link FakeClock}). */
    public FunctionFixture clock(EmulatorClock clock) {
        this.clock = clock;
        return this;
    }

    public SheetsEmulator emulator() {
        return emulator;
    }

    public FunctionServer function() {
        return function;
    }

    /** The function with these settings on top of the fixture's; started on first use, stopped with the class. */
    public FunctionServer functionWith(Map<String, String> overrides) {
        return variants.computeIfAbsent(Map.copyOf(overrides), o -> start(o));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = SheetsEmulator.start(clock);
        function = start(Map.of());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.reset();
        if (demo) {
            emulator.seed(DemoSpreadsheet.seed());
        }
        ColumnMapCache.shared().invalidateAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        variants.values().forEach(FunctionServer::close);
        variants.clear();
        function.close();
        emulator.close();
    }

    private FunctionServer start(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SHEETS_EMULATOR_HOST", emulator.hostPort());
        all.put("SPREADSHEET_ID", spreadsheetId);
        all.putAll(settings);
        all.putAll(overrides);
        return target == null ? FunctionServer.start(all) : FunctionServer.start(target, all);
    }
}
