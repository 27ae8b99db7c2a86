package com.spooltracker.extendschema.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogTest {

    private static final String TRACE_ID = "105445aa7843bc8bf206b12000100000";
    private static final String HEADER = TRACE_ID + "/1;o=1";

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private JsonObject onlyEntry() {
        List<String> lines = lines();
        assertEquals(1, lines.size(), lines::toString);
        return JsonParser.parseString(lines.get(0)).getAsJsonObject();
    }

    @Test
    void eachLevelWritesItsCloudLoggingSeverity() {
        Log log = Log.create(true, "spool-prod", out);

        log.info("a", null, null);
        log.warning("b", null, null);
        log.error("c", null, null);

        List<String> severities = lines().stream()
                .map(line -> JsonParser.parseString(line)
                        .getAsJsonObject()
                        .get("severity")
                        .getAsString())
                .toList();
        assertEquals(List.of("INFO", "WARNING", "ERROR"), severities);
    }

    @Test
    void traceHeaderBecomesTraceResourceNameSpanInHexAndSampledFlag() {
        Log.create(true, "spool-prod", out).info("run", Map.of(), TRACE_ID + "/123456789;o=1");

        JsonObject entry = onlyEntry();
        assertEquals(
                "projects/spool-prod/traces/" + TRACE_ID, entry.get(Log.TRACE).getAsString());
        assertEquals("00000000075bcd15", entry.get(Log.SPAN_ID).getAsString());
        assertTrue(entry.get(Log.TRACE_SAMPLED).getAsBoolean());
    }

    @Test
    void traceHeaderWithoutSpanOrOptionsStillGivesTheTrace() {
        Log.create(true, "spool-prod", out).info("run", Map.of(), TRACE_ID);

        JsonObject entry = onlyEntry();
        assertEquals(
                "projects/spool-prod/traces/" + TRACE_ID, entry.get(Log.TRACE).getAsString());
        assertFalse(entry.has(Log.SPAN_ID));
        assertFalse(entry.has(Log.TRACE_SAMPLED));
    }

    @Test
    void noTraceFieldsWithoutHeaderWithoutProjectOrWithMalformedHeader() {
        Log.create(true, "spool-prod", out).info("no header", Map.of(), null);
        Log.create(true, null, out).info("no project", Map.of(), HEADER);
        Log.create(true, "spool-prod", out).info("malformed", Map.of(), "not-a-trace/1;o=1");

        for (String line : lines()) {
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            assertFalse(entry.has(Log.TRACE), line);
            assertFalse(entry.has(Log.SPAN_ID), line);
        }
        assertEquals(3, lines().size());
    }

    @Test
    void fieldsKeepTheirJsonTypes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", 5);
        fields.put("ratio", 0.25);
        fields.put("dryRun", true);
        fields.put("sheet", "Operaciones");
        fields.put("missing", null);
        fields.put("columns", List.of("A", "B"));

        Log.create(true, "p", out).info("typed", fields, null);

        JsonObject entry = onlyEntry();
        assertTrue(entry.get("count").getAsJsonPrimitive().isNumber());
        assertEquals(5, entry.get("count").getAsInt());
        assertEquals(0.25, entry.get("ratio").getAsDouble());
        assertTrue(entry.get("dryRun").getAsJsonPrimitive().isBoolean());
        assertEquals("Operaciones", entry.get("sheet").getAsString());
        assertTrue(entry.get("missing").isJsonNull());
        assertEquals("[\"A\",\"B\"]", entry.get("columns").toString());
    }

    @Test
    void summaryEntryNestsApiCallsAndKeepsCountsNumeric() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "APPLIED");
        summary.put("columnsAdded", 5);
        summary.put("cellsInitialized", 1240);
        Map<String, Object> apiCalls = new LinkedHashMap<>();
        apiCalls.put("reads", 2);
        apiCalls.put("writes", 3);
        summary.put("apiCalls", apiCalls);
        summary.put("durationMs", 1834L);

        Log.create(true, "spool-prod", out).info("extendSchema finished", summary, HEADER);

        assertEquals(
                "{\"severity\":\"INFO\",\"message\":\"extendSchema finished\","
                        + "\"logging.googleapis.com/trace\":\"projects/spool-prod/traces/" + TRACE_ID + "\","
                        + "\"logging.googleapis.com/spanId\":\"0000000000000001\","
                        + "\"logging.googleapis.com/trace_sampled\":true,"
                        + "\"status\":\"APPLIED\",\"columnsAdded\":5,\"cellsInitialized\":1240,"
                        + "\"apiCalls\":{\"reads\":2,\"writes\":3},\"durationMs\":1834}",
                lines().get(0));
    }

    @Test
    void fieldsCannotOverrideSeverityMessageOrTrace() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("severity", "DEBUG");
        fields.put("message", "other");
        fields.put(Log.TRACE, "projects/x/traces/y");

        Log.create(true, "p", out).error("real", fields, null);

        JsonObject entry = onlyEntry();
        assertEquals("ERROR", entry.get("severity").getAsString());
        assertEquals("real", entry.get("message").getAsString());
        assertFalse(entry.has(Log.TRACE));
        assertEquals("DEBUG", entry.get("field.severity").getAsString());
        assertEquals("projects/x/traces/y", entry.get("field." + Log.TRACE).getAsString());
    }

    @Test
    void bearerTokenIsRedactedInMessageAndFields() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3gifQ.c2lnbmF0dXJl";

        Log.create(true, "p", out)
                .warning(
                        "rejected header Bearer " + token,
                        Map.of("detail", Map.of("header", "Authorization: bearer abc.DEF-123")),
                        null);

        String line = lines().get(0);
        assertFalse(line.contains(token), line);
        assertFalse(line.contains("abc.DEF-123"), line);
        JsonObject entry = onlyEntry();
        assertEquals("rejected header Bearer [REDACTED]", entry.get("message").getAsString());
        assertEquals(
                "Authorization: bearer [REDACTED]",
                entry.getAsJsonObject("detail").get("header").getAsString());
    }

    @Test
    void accessTokenJwtAndPrivateKeyAreRedactedWherever() {
        String accessToken = "ya29.a0AfB_byC-1234567890abcdefGHIJ";
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig_nature-1";
        String key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n" + "-----END PRIVATE KEY-----\n";

        Log.create(false, null, out)
                .error(
                        "refresh failed for " + accessToken,
                        Map.of("idToken", "x", "seen", List.of(jwt), "json", "{\"private_key\":\"" + key + "\"}"),
                        null);

        String line = lines().get(0);
        assertFalse(line.contains("a0AfB_byC"), line);
        assertFalse(line.contains("eyJzdWIiOiIxMjMifQ"), line);
        assertFalse(line.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), line);
        assertTrue(line.startsWith("ERROR extendSchema: refresh failed for [REDACTED]"), line);
        assertTrue(line.contains("idToken=[REDACTED]"), line);
    }

    @Test
    void localFormatIsOneReadableLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", "DRY_RUN");
        fields.put("columnsAdded", 0);
        fields.put("sheet", "Hoja 1");
        fields.put("apiCalls", new LinkedHashMap<>(Map.of("reads", 2)));

        Log.create(false, "ignored", out).info("planned\nnothing applied", fields, HEADER);

        assertEquals(
                List.of("INFO extendSchema: planned\\nnothing applied status=DRY_RUN"
                        + " columnsAdded=0 sheet=\"Hoja 1\" apiCalls={\"reads\":2}"),
                lines());
    }

    @Test
    void concurrentEntriesNeverShareALine() throws InterruptedException {
        Log log = Log.create(true, "p", out);
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    log.info("entry", Map.of("thread", thread, "i", i, "pad", "x".repeat(200)), HEADER);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        List<String> lines = new ArrayList<>(lines());
        assertEquals(threads * perThread, lines.size());
        for (String line : lines) {
            assertEquals(
                    "entry",
                    JsonParser.parseString(line)
                            .getAsJsonObject()
                            .get("message")
                            .getAsString());
        }
    }
}
