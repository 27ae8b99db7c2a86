package io.sheetsemulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.sheetsemulator.control.CallHook;
import io.sheetsemulator.control.CellWriteListener;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.EmulatorClock;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.Quota;
import io.sheetsemulator.control.RequestRecord;
import io.sheetsemulator.model.SeedFormat;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.model.Spreadsheet;
import io.sheetsemulator.model.ValueInputOption;
import io.sheetsemulator.model.ValuesWrite;
import io.sheetsemulator.model.Workbook;
import io.sheetsemulator.wire.BatchUpdates;
import io.sheetsemulator.wire.Control;
import io.sheetsemulator.wire.FaultBook;
import io.sheetsemulator.wire.Hooks;
import io.sheetsemulator.wire.HttpFront;
import io.sheetsemulator.wire.QuotaGate;
import io.sheetsemulator.wire.Traffic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Google Sheets API v4 emulator over HTTP, for the real Sheets Java client:
 *
 * <pre>
 * try (SheetsEmulator emu = SheetsEmulator.start()) {
 *   emu.seed("{\"spreadsheetId\":\"s1\",\"sheets\":[{\"title\":\"Sheet1\",\"rows\":[[\"name\",\"qty\"],[\"bolt\",12]]}]}");
 *   Sheets sheets = new Sheets.Builder(transport, json, req -> {}).setRootUrl(emu.rootUrl()).build();
 *   ...
 *   emu.addFault(FaultRule.on("values.batchUpdate").status(503));
 *   assertEquals(1, emu.counters().calls("values.batchUpdate"));
 * }
 * </pre>
 *
 * A person's hand, for a sheet edited while a client runs (none of it counts as an API call):
 *
 * <pre>
 * emu.onCall(call -&gt; {                                  // before every API request, outside every lock
 *   if (call.sequence() == 2) {
 *     emu.edit("demo", "[{\"insertDimension\":{...}}]"); // batchUpdate requests, exactly as the API applies them
 *     emu.setValues("demo", "Operaciones!B5", List.of(List.of("=C5*2")), true);
 *   }
 * });
 * emu.onCellWrite(writes::add);                          // every entered value an API request changes
 * </pre>
 *
 * Thread-safe. Each API request is applied atomically under its spreadsheet's lock.
 *
 * <p>One JVM-wide effect: the first {@code start} sets the system property {@code sun.net.httpserver.nodelay}
 * to {@code true} unless it is set already, since the JDK's server has no per-server option for it and
 * without it every answer waits about 40 ms for the client's delayed ACK. Set it to {@code false} before the
 * first start to keep the JDK's default.
 */
public final class SheetsEmulator implements AutoCloseable {

    /** The JDK server's switch for TCP_NODELAY on its sockets. */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private final Workbook workbook = new Workbook();
    private final FaultBook faults = new FaultBook();
    private final QuotaGate quota;
    private final Traffic traffic = new Traffic();
    private final Hooks hooks = new Hooks();
    private final HttpServer server;
    private final ExecutorService executor;

    private SheetsEmulator(int port, EmulatorClock clock) {
        noDelayUnlessSet();
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
        server.createContext("/", new HttpFront(workbook, new AdminControl(), faults, quota, traffic, clock, hooks));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * The JDK server writes the headers and the body of an answer separately; with Nagle's algorithm on,
     * the body then waits for the client's delayed ACK, about 40 ms per call. The JDK has no per-server
     * option for it, only the system property {@value #NODELAY}, read once when the first
     * {@code HttpServer} in the JVM starts. So starting an emulator sets it to {@code true} unless it is set
     * already (run with {@code -Dsun.net.httpserver.nodelay=false} to keep Nagle's algorithm); loading the
     * class changes nothing.
     */
    private static void noDelayUnlessSet() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    /**
     * Starts on 127.0.0.1 on a free port. The first start in a JVM sets the system property
     * {@code sun.net.httpserver.nodelay=true} unless it is set (see the class comment).
     */
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

    /**
     * A person's structural or content edit: {@code requests} as in a spreadsheets.batchUpdate body, applied
     * atomically under the spreadsheet's lock exactly as that method would apply them (formulas rewritten,
     * metadata moved). Not an API call: no counters, log, faults, quota or cell-write reports.
     *
     * @return the replies, one per request, as the API would answer them
     * @throws IllegalArgumentException for an unknown spreadsheet or a request the API would refuse (with
     *     Google's message)
     */
    public JsonArray edit(String spreadsheetId, JsonArray requests) {
        Spreadsheet spreadsheet = spreadsheet(spreadsheetId);
        synchronized (spreadsheet.lock()) {
            try {
                return BatchUpdates.apply(spreadsheet, requests);
            } catch (SheetsError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** {@link #edit(String, JsonArray)} with the requests as JSON text: an array, or a body with "requests". */
    public JsonArray edit(String spreadsheetId, String requestsJson) {
        JsonElement json = JsonParser.parseString(requestsJson);
        JsonArray requests = json.isJsonArray()
                ? json.getAsJsonArray()
                : json.getAsJsonObject().getAsJsonArray("requests");
        return edit(spreadsheetId, requests);
    }

    /**
     * A person typing {@code rows} into {@code a1Range} (a lone cell is the top-left corner, a range bounds
     * the data). With {@code userEntered} a string starting with {@code =} becomes a formula and numbers,
     * booleans and ISO dates parse as with USER_ENTERED; otherwise values are stored as given (RAW). A null
     * element leaves its cell alone; an empty string empties it. Elements are String, Number, Boolean or null.
     * Not an API call (see {@link #edit(String, JsonArray)}).
     *
     * @throws IllegalArgumentException for an unknown spreadsheet or a range the API would refuse
     */
    public void setValues(String spreadsheetId, String a1Range, List<List<Object>> rows, boolean userEntered) {
        List<List<Object>> scalars = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> line = new ArrayList<>();
            for (Object cell : row == null ? List.of() : row) {
                line.add(cell instanceof Number n ? (Object) n.doubleValue() : cell);
            }
            scalars.add(line);
        }
        Spreadsheet spreadsheet = spreadsheet(spreadsheetId);
        synchronized (spreadsheet.lock()) {
            try {
                ValuesWrite.plan(
                                spreadsheet,
                                a1Range,
                                scalars,
                                userEntered ? ValueInputOption.USER_ENTERED : ValueInputOption.RAW)
                        .apply();
            } catch (SheetsError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** Runs {@code hook} before every Sheets API request (see {@link CallHook}); null removes it. */
    public void onCall(CallHook hook) {
        hooks.onCall(hook);
    }

    /** Reports every entered value an API request changes (see {@link CellWriteListener}); null removes it. */
    public void onCellWrite(CellWriteListener listener) {
        hooks.onCellWrite(listener);
    }

    private Spreadsheet spreadsheet(String spreadsheetId) {
        try {
            return workbook.get(spreadsheetId);
        } catch (SheetsError.NotFound e) {
            throw new IllegalArgumentException("no spreadsheet " + spreadsheetId);
        }
    }

    public void addFault(FaultRule rule) {
        faults.add(rule);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The armed fault rules, in the order they were added (also {@code GET /admin/faults}, with counts). */
    public List<FaultRule> faults() {
        return faults.list().stream().map(FaultBook.Armed::rule).toList();
    }

    /** Sets the quota; null removes it. */
    public void setQuota(Quota quota) {
        this.quota.set(quota);
    }

    public Counters counters() {
        return Counters.of(traffic.snapshot());
    }

    /** Every API request since the last reset, oldest first (admin requests are not logged). */
    public List<RequestRecord> requestLog() {
        return traffic.snapshot();
    }

    /**
     * The next API request not taken yet, oldest first, waiting up to {@code timeout} for one to arrive; null
     * when none arrives in time. As MockWebServer's {@code takeRequest}: each request is taken once, in the
     * order the emulator received them; a request is recorded before its answer is sent, so once a client
     * call has returned its request can be taken without waiting. {@link #resetCounters} and {@link #reset}
     * drop the requests not taken.
     */
    public RequestRecord takeRequest(Duration timeout) throws InterruptedException {
        return traffic.take(Objects.requireNonNull(timeout, "timeout"));
    }

    /** Clears counters, the request log and the requests not taken. */
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
        public List<FaultBook.Armed> armedFaults() {
            return faults.list();
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
    }
}
