/**
 * A local Google Sheets API v4 emulator for tests. The public face: {@code io.sheetsemulator} (the emulator
 * and its standalone main), {@code io.sheetsemulator.control} (faults, quota, clocks, hooks, counters and
 * recorded requests) and {@code io.sheetsemulator.junit} (the JUnit 5 extension; JUnit is optional). The
 * model and wire packages are internal.
 */
module io.sheetsemulator {
    requires transitive com.google.gson;
    requires java.logging;
    requires jdk.httpserver;
    requires static org.junit.jupiter.api;

    exports io.sheetsemulator;
    exports io.sheetsemulator.control;
    exports io.sheetsemulator.junit;
}
