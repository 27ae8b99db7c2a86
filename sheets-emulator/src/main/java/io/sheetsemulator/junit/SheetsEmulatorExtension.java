package io.sheetsemulator.junit;

import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.EmulatorClock;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link SheetsEmulator} for JUnit 5 tests:
 *
 * <pre>
 * class MyTest {
 *   &#64;RegisterExtension
 *   static final SheetsEmulatorExtension SHEETS = new SheetsEmulatorExtension();
 *
 *   &#64;Test
 *   void readsTheSheet() throws IOException {
 *     SHEETS.emulator().seed("{\"spreadsheetId\":\"s1\",\"sheets\":[{\"title\":\"S\",\"rows\":[[\"x\"]]}]}");
 *     Sheets sheets = new Sheets.Builder(transport, json, null).setRootUrl(SHEETS.rootUrl()).build();
 *     ...
 *   }
 * }
 * </pre>
 *
 * In a static field it starts one emulator before all tests of the class, {@linkplain SheetsEmulator#reset()
 * resets} it before each test (spreadsheets, faults, quota, counters and untaken requests dropped) and stops
 * it after all. In an instance field each test gets an emulator of its own, stopped after it. Test methods
 * and constructors may also take a {@link SheetsEmulator} parameter.
 */
public final class SheetsEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final EmulatorClock clock;
    private SheetsEmulator emulator;
    private boolean perTest;

    /** An emulator on a free port, on the real clock. */
    public SheetsEmulatorExtension() {
        this(EmulatorClock.SYSTEM);
    }

    /** An emulator on a free port whose quota windows and delay faults follow {@code clock}. */
    public SheetsEmulatorExtension(EmulatorClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The running emulator; IllegalStateException outside the tests it serves. */
    public SheetsEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while the tests it is registered for run");
        }
        return emulator;
    }

    /** The running emulator's {@link SheetsEmulator#rootUrl()}, for {@code Sheets.Builder.setRootUrl}. */
    public String rootUrl() {
        return emulator().rootUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = SheetsEmulator.start(clock);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            perTest = true;
            emulator = SheetsEmulator.start(clock);
        } else {
            emulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SheetsEmulator.class;
    }

    @Override
    public SheetsEmulator resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
