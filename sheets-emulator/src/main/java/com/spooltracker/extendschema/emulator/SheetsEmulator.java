package com.spooltracker.extendschema.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.emulator.control.Counters;
import com.spooltracker.extendschema.emulator.control.EmulatorClock;
import com.spooltracker.extendschema.emulator.control.FakeClock;
import com.spooltracker.extendschema.emulator.control.FaultRule;
import com.spooltracker.extendschema.emulator.control.Quota;
import com.spooltracker.extendschema.emulator.control.RequestRecord;
import com.spooltracker.extendschema.emulator.model.SeedFormat;
import com.spooltracker.extendschema.emulator.model.SheetsError;
import com.spooltracker.extendschema.emulator.model.Spreadsheet;
import com.spooltracker.extendschema.emulator.model.Workbook;
import com.spooltracker.extendschema.emulator.wire.Control;
import com.spooltracker.extendschema.emulator.wire.FaultBook;
import com.spooltracker.extendschema.emulator.wire.HttpFront;
import com.spooltracker.extendschema.emulator.wire.QuotaGate;
import com.spooltracker.extendschema.emulator.wire.Traffic;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Google Sheets API v4 emulator over HTTP, for the real Sheets Java client:
 *
 * <pre>
 * try (SheetsEmulator emu = SheetsEmulator.start()) {
 *   emu.seedDemo();
 *   Sheets sheets = new Sheets.Builder(transport, json, req -> {}).setRootUrl(emu.rootUrl()).build();
 *   ...
 *   emu.addFault(FaultRule.on("values.batchUpdate").status(503));
 *   assertEquals(1, emu.counters().calls("values.batchUpdate"));
 * }
 * </pre>
 *
 * Thread-safe. Each API request is applied atomically under its spreadsheet's lock.
 */
public final class SheetsEmulator implements AutoCloseable {

    static {
        // The JDK server writes the headers and the body of an answer separately; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK, about 40 ms per call. Read once, when the first
        // JDK HttpServer in the JVM starts; an explicit setting is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Workbook workbook = new Workbook();
    private final FaultBook faults = new FaultBook();
    private final QuotaGate quota;
    private final Traffic traffic = new Traffic();
    private final HttpServer server;
    private final ExecutorService executor;

    private SheetsEmulator(int port, EmulatorClock clock) {
        quota = new QuotaGate(clock);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sheets-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", new HttpFront(workbook, new AdminControl(), faults, quota, traffic, clock));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static SheetsEmulator start() {
        return start(0);
    }

    /** Starts on 127.0.0.1:{@code port}; 0 picks a free port. */
    public static SheetsEmulator start(int port) {
        return new SheetsEmulator(port, EmulatorClock.SYSTEM);
    }

    /** Starts on a free port with quota windows and delay faults timed by {@code clock} (e.g. a {@link FakeClock}). */
    public static SheetsEmulator start(EmulatorClock clock) {
        return new SheetsEmulator(0, Objects.requireNonNull(clock, "clock"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}, for {@code Sheets.Builder.setRootUrl}. */
    public String rootUrl() {
        return "http://" + hostPort() + "/";
    }

    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** Creates or replaces a spreadsheet from seed JSON (see {@link SeedFormat}). */
    public void seed(String spreadsheetJson) {
        seed(JsonParser.parseString(spreadsheetJson).getAsJsonObject());
    }

    /** Creates or replaces a spreadsheet; IllegalArgumentException if it is invalid or outside its grid. */
    public void seed(JsonObject spreadsheet) {
        workbook.put(SeedFormat.read(spreadsheet));
    }

    /** (Re)creates the {@code demo} spreadsheet, see {@link DemoSpreadsheet}. */
    public void seedDemo() {
        seed(DemoSpreadsheet.seed());
    }

    /** The spreadsheet in seed format, deterministic; IllegalArgumentException if unknown. */
    public JsonObject dump(String spreadsheetId) {
        Spreadsheet spreadsheet;
        try {
            spreadsheet = workbook.get(spreadsheetId);
        } catch (SheetsError.NotFound e) {
            throw new IllegalArgumentException("no spreadsheet " + spreadsheetId);
        }
        synchronized (spreadsheet.lock()) {
            return SeedFormat.write(spreadsheet);
        }
    }

    /** The ids of the spreadsheets served, sorted. */
    public List<String> spreadsheetIds() {
        return workbook.ids();
    }

    public void addFault(FaultRule rule) {
        faults.add(rule);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Sets the quota; null removes it. */
    public void setQuota(Quota quota) {
        this.quota.set(quota);
    }

    public Counters counters() {
        return Counters.of(traffic.snapshot());
    }

    public List<RequestRecord> requestLog() {
        return traffic.snapshot();
    }

    /** Clears counters and the request log. */
    public void resetCounters() {
        traffic.clear();
    }

    /** Drops spreadsheets, faults, quota and counters. */
    public void reset() {
        workbook.clear();
        faults.clear();
        quota.set(null);
        traffic.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The admin API's view of this emulator. */
    private final class AdminControl implements Control {
        @Override
        public void seed(JsonObject spreadsheet) {
            SheetsEmulator.this.seed(spreadsheet);
        }

        @Override
        public JsonObject dump(String spreadsheetId) {
            workbook.get(spreadsheetId);
            return SheetsEmulator.this.dump(spreadsheetId);
        }

        @Override
        public boolean delete(String spreadsheetId) {
            return workbook.remove(spreadsheetId);
        }

        @Override
        public void addFault(FaultRule rule) {
            SheetsEmulator.this.addFault(rule);
        }

        @Override
        public void clearFaults() {
            SheetsEmulator.this.clearFaults();
        }

        @Override
        public void setQuota(Quota quota) {
            SheetsEmulator.this.setQuota(quota);
        }

        @Override
        public Counters counters() {
            return SheetsEmulator.this.counters();
        }

        @Override
        public List<RequestRecord> requestLog() {
            return SheetsEmulator.this.requestLog();
        }

        @Override
        public void resetCounters() {
            SheetsEmulator.this.resetCounters();
        }

        @Override
        public void reset() {
            SheetsEmulator.this.reset();
        }

        @Override
        public void seedDemo() {
            SheetsEmulator.this.seedDemo();
        }
    }
}
