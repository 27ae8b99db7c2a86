package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.oauth2.GoogleCredentials;
import com.spooltracker.extendschema.testing.FakeCredentials;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FaultRule;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry rules of every Sheets call, against the emulator with the real client. Pauses are recorded
 * by a fake sleeper instead of slept, so the figures are exact and the tests fast.
 */
class RetryingInitializerTest {
    private static SheetsEmulator emulator;

    private final List<Long> pauses = new CopyOnWriteArrayList<>();
    /** Real time plus the pauses it was asked for, which it records instead of sleeping. */
    private final RetryClock recordingClock = new RetryClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime()
                    + pauses.stream().mapToLong(Long::longValue).sum() * 1_000_000;
        }

        @Override
        public void sleep(long millis) {
            pauses.add(millis);
        }
    };

    private final List<Retry> retries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void seed() {
        emulator.reset();
        emulator.seed("""
                {"spreadsheetId":"s1","title":"Retries","sheets":[
                  {"title":"Hoja","rowCount":100,"columnCount":5,"rows":[["a","b"],["1","2"]]}]}
                """);
    }

    private Sheets client(GoogleCredentials credentials, RetryPolicy policy) {
        RetryingInitializer initializer = new RetryingInitializer(
                credentials,
                policy,
                recordingClock.nanoTime() + policy.deadline().toNanos(),
                new ApiCallCounter(),
                retries::add,
                recordingClock);
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(emulator.rootUrl())
                .setApplicationName("retry-test")
                .build();
    }

    private Sheets client() {
        return client(null, RetryPolicy.withDeadline(Duration.ofSeconds(60)));
    }

    private static void read(Sheets sheets) throws IOException {
        sheets.spreadsheets().get("s1").setFields("sheets(properties(title))").execute();
    }

    /** An append as the gateway sends it: declared not idempotent. */
    private static void append(Sheets sheets) throws IOException {
        RetryingInitializer.markNotIdempotent(sheets.spreadsheets()
                        .values()
                        .append("s1", "Hoja!A1", new ValueRange().setValues(List.of(List.of("x"))))
                        .setValueInputOption("RAW")
                        .setInsertDataOption("INSERT_ROWS"))
                .execute();
    }

    private static void writeC1(Sheets sheets, boolean declaredNotIdempotent) throws IOException {
        Sheets.Spreadsheets.Values.BatchUpdate write = sheets.spreadsheets()
                .values()
                .batchUpdate(
                        "s1",
                        new com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest()
                                .setValueInputOption("RAW")
                                .setData(List.of(
                                        new ValueRange().setRange("Hoja!C1").setValues(List.of(List.of("c"))))));
        (declaredNotIdempotent ? RetryingInitializer.markNotIdempotent(write) : write).execute();
    }

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedOnReadsAndWrites(int status) throws IOException {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(2).status(status));
        emulator.addFault(FaultRule.on("values.batchUpdate").times(2).status(status));
        Sheets sheets = client();

        read(sheets);
        writeC1(sheets, false);

        assertEquals(3, emulator.counters().calls("spreadsheets.get"));
        assertEquals(3, emulator.counters().calls("values.batchUpdate"));
        assertEquals(4, pauses.size(), pauses::toString);
    }

    @Test
    void aDroppedConnectionIsRetried() throws IOException {
        // times(2): the JDK itself resends a GET once on a dropped connection.
        emulator.addFault(FaultRule.on("spreadsheets.get").times(2).dropBeforeAnswer());

        read(client());

        assertEquals(3, emulator.counters().calls("spreadsheets.get"));
        assertEquals(1, pauses.size(), pauses::toString);
    }

    @ParameterizedTest(name = "{0} is not retried")
    @ValueSource(ints = {400, 403, 404, 409})
    void otherClientErrorsAreNotRetried(int status) {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).status(status));

        HttpResponseException e = assertThrows(HttpResponseException.class, () -> read(client()));

        assertEquals(status, e.getStatusCode());
        assertEquals(1, emulator.counters().calls("spreadsheets.get"));
        assertEquals(List.of(), pauses);
    }

    @Test
    void retryAfterIsHonoured() throws IOException {
        emulator.addFault(FaultRule.on("spreadsheets.get").status(429).retryAfter(7));

        read(client());

        assertEquals(List.of(7000L), pauses);
    }

    @Test
    void withoutRetryAfterTheBackoffGrowsExponentiallyWithJitter() throws IOException {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(4).status(503));

        read(client());

        assertEquals(4, pauses.size(), pauses::toString);
        long base = 500;
        for (long pause : pauses) {
            assertTrue(pause >= base / 2 && pause <= base * 3 / 2, () -> "pause " + pause + " of " + pauses);
            base *= 2;
        }
    }

    @Test
    void aRetryAfterPastTheDeadlineEndsTheRetriesAtOnce() {
        emulator.addFault(FaultRule.on("spreadsheets.get").status(503).retryAfter(30));
        Sheets sheets = client(null, RetryPolicy.withDeadline(Duration.ofSeconds(5)));

        HttpResponseException e = assertThrows(HttpResponseException.class, () -> read(sheets));

        assertEquals(503, e.getStatusCode());
        assertEquals(List.of(), pauses);
    }

    @Test
    void anAppendThatMayHaveLandedIsNotSentAgain() {
        emulator.addFault(FaultRule.on("values.append").dropBeforeAnswer());
        assertInstanceOf(IOException.class, assertThrows(IOException.class, () -> append(client())));
        emulator.addFault(FaultRule.on("values.append").status(500));
        assertEquals(
                500,
                assertThrows(HttpResponseException.class, () -> append(client()))
                        .getStatusCode());

        assertEquals(2, emulator.counters().calls("values.append"));
        assertEquals(List.of(), pauses);
    }

    @Test
    void whatIsNotSentAgainIsWhatTheCallerDeclaresNotTheUrl() throws IOException {
        emulator.addFault(FaultRule.on("values.batchUpdate").dropBeforeAnswer());
        emulator.addFault(FaultRule.on("values.batchUpdate").nth(2).status(500));
        assertThrows(IOException.class, () -> writeC1(client(), true));
        assertEquals(
                500,
                assertThrows(HttpResponseException.class, () -> writeC1(client(), true))
                        .getStatusCode());
        assertEquals(2, emulator.counters().calls("values.batchUpdate"), "declared: sent once each");
        emulator.addFault(FaultRule.on("values.append").status(500));

        client().spreadsheets()
                .values()
                .append("s1", "Hoja!A1", new ValueRange().setValues(List.of(List.of("x"))))
                .setValueInputOption("RAW")
                .execute();

        assertEquals(2, emulator.counters().calls("values.append"), "an append not declared is retried on 500");
        assertEquals(1, pauses.size(), pauses::toString);
    }

    @Test
    void theDeclarationNeverReachesTheWire() throws IOException {
        List<String> headerNames = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            headerNames.addAll(exchange.getRequestHeaders().keySet());
            byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            append(client(
                    initializer(RetryPolicy.withDeadline(Duration.ofSeconds(60))),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        } finally {
            server.stop(0);
        }

        assertFalse(headerNames.isEmpty(), "the append reached the server");
        assertTrue(
                headerNames.stream().noneMatch(h -> h.equalsIgnoreCase(RetryingInitializer.NOT_IDEMPOTENT)),
                headerNames::toString);
    }

    @Test
    void anAppendRefusedWith503Or429IsSentAgain() throws IOException {
        emulator.addFault(FaultRule.on("values.append").status(503));
        emulator.addFault(FaultRule.on("values.append").nth(2).status(429).retryAfter(1));

        append(client());

        assertEquals(3, emulator.counters().calls("values.append"));
        assertEquals(2, pauses.size());
    }

    @Test
    void theCredentialsRefreshOn401AndOurRetriesBothKeepWorking() throws IOException {
        FakeCredentials credentials = new FakeCredentials();
        emulator.addFault(FaultRule.on("spreadsheets.get").status(401));
        emulator.addFault(FaultRule.on("spreadsheets.get").nth(2).status(503));

        read(client(credentials, RetryPolicy.withDeadline(Duration.ofSeconds(60))));

        assertEquals(1, credentials.refreshes(), "the adapter refreshed the token once");
        assertEquals(3, emulator.counters().calls("spreadsheets.get"), "401, then 503, then 200");
    }

    @Test
    void a401ThatPersistsAfterTheRefreshIsNotRetriedForever() {
        FakeCredentials credentials = new FakeCredentials();
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).status(401));

        GoogleJsonResponseException e = assertThrows(
                GoogleJsonResponseException.class,
                () -> read(client(credentials, RetryPolicy.withDeadline(Duration.ofSeconds(60)))));

        assertEquals(401, e.getStatusCode());
        assertEquals(1, credentials.refreshes());
        assertEquals(2, emulator.counters().calls("spreadsheets.get"), "401, refresh, 401: give up");
        assertEquals(List.of(), pauses);
    }

    @Test
    void eachRetryIsToldWithItsCallAttemptReasonAndTheWaitThatIsThenTaken() throws IOException {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(2).status(503));
        emulator.addFault(FaultRule.on("spreadsheets.get").nth(3).status(429).retryAfter(3));

        read(client());

        assertEquals(3, retries.size(), retries::toString);
        assertEquals(pauses, retries.stream().map(Retry::waitMillis).toList(), "the wait told is the wait taken");
        assertEquals(List.of(1, 2, 3), retries.stream().map(Retry::attempt).toList());
        assertEquals(
                List.of("answered HTTP 503", "answered HTTP 503", "answered HTTP 429 with Retry-After"),
                retries.stream().map(Retry::reason).toList());
        Retry last = retries.get(2);
        assertEquals("spreadsheets.get", last.call());
        assertEquals(emulator.hostPort(), last.host());
        assertEquals(
                "Sheets spreadsheets.get to " + emulator.hostPort()
                        + " answered HTTP 429 with Retry-After on attempt 3; retrying in 3000 ms",
                last.message());
    }

    @Test
    void aRequestThatGetsNoAnswerKeepsWhatItTriedAndWhyItStopped() throws IOException {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).dropBeforeAnswer());
        // Ten pauses of the backoff add up to about four minutes: the limit of retries is reached first.
        RetryPolicy policy = RetryPolicy.withDeadline(Duration.ofMinutes(10));
        RetryingInitializer initializer = initializer(policy);
        Sheets sheets = client(initializer, emulator.rootUrl());

        IOException e = assertThrows(IOException.class, () -> read(sheets));

        Unreachable.Tried tried = initializer.lastGaveUp().orElseThrow();
        assertEquals(emulator.hostPort(), tried.host());
        assertEquals(policy.maxRetriesPerCall() + 1, tried.attempts(), "the first attempt and every retry");
        assertEquals("the limit of 10 retries per call was reached", tried.stop());
        assertFalse(tried.refusedLocally(), "something listens there: it only drops the connections");
        assertEquals(policy.maxRetriesPerCall(), retries.size());
        assertTrue(retries.stream().allMatch(r -> r.reason().equals("got no answer (I/O error)")), retries::toString);
        Unreachable unreachable = (Unreachable) Unreachable.explain(sheets, e);
        String sentence = unreachable.sentence("the read");
        assertTrue(
                sentence.startsWith(
                        "Could not reach Google Sheets at " + emulator.hostPort() + " for the read: 11 attempts over "),
                sentence);
        assertTrue(sentence.contains(" got no answer (the last: "), sentence);
        assertTrue(sentence.endsWith("), and the limit of 10 retries per call was reached."), sentence);
        assertTrue(unreachable.rerunHelps());
    }

    @Test
    void aConnectionRefusedOnThisMachineIsNotRetriedAndTheMessageSaysHowToStartTheEmulator() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RetryingInitializer initializer = initializer(RetryPolicy.withDeadline(Duration.ofSeconds(60)));
        Sheets sheets = client(initializer, "http://127.0.0.1:" + closedPort + "/");

        IOException e = assertThrows(IOException.class, () -> read(sheets));

        Unreachable.Tried tried = initializer.lastGaveUp().orElseThrow();
        assertEquals(1, tried.attempts(), "no retry");
        assertTrue(tried.refusedLocally());
        assertEquals(List.of(), retries);
        assertEquals(List.of(), pauses);
        Unreachable unreachable = (Unreachable) Unreachable.explain(sheets, e);
        assertFalse(unreachable.rerunHelps(), "running again as it is cannot help");
        assertEquals(
                "Could not reach the Sheets emulator at 127.0.0.1:" + closedPort + " (SHEETS_EMULATOR_HOST, or"
                        + " --emulator) for the read: the connection was refused, nothing listens there, so it was"
                        + " not retried. Start the emulator: mvn -ntp -q -f sheets-emulator/pom.xml compile exec:java"
                        + " -Dexec.args=\"--port " + closedPort + "\" (README, Sheets emulator), or point"
                        + " SHEETS_EMULATOR_HOST (--emulator) at the one that runs; then run again.",
                unreachable.sentence("the read"));
    }

    @Test
    void onlyLoopbackAddressesAreProbedForARefusal() {
        for (String host : List.of("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1")) {
            assertTrue(LocalRefusal.isLoopback(host), host);
        }
        for (String host : List.of("sheets.googleapis.com", "10.0.0.1", "128.0.0.1", "localhost.example.com")) {
            assertFalse(LocalRefusal.isLoopback(host), host);
        }
    }

    private RetryingInitializer initializer(RetryPolicy policy) {
        return new RetryingInitializer(
                null,
                policy,
                recordingClock.nanoTime() + policy.deadline().toNanos(),
                new ApiCallCounter(),
                retries::add,
                recordingClock);
    }

    private static Sheets client(RetryingInitializer initializer, String rootUrl) {
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(rootUrl)
                .setApplicationName("retry-test")
                .build();
    }

    @Test
    void aSlowAnswerIsCutOffAtTheDeadlineRatherThanAwaited() {
        emulator.addFault(FaultRule.on("spreadsheets.get").times(0).delay(Duration.ofSeconds(4)));
        Sheets sheets = client(null, RetryPolicy.withDeadline(Duration.ofMillis(200)));

        IOException e = assertThrows(IOException.class, () -> read(sheets));

        assertInstanceOf(SocketTimeoutException.class, e, e::toString);
    }
}
