package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TrafficTest extends EmulatorFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static List<List<Object>> column(int rows, String value) {
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(List.of(value));
        }
        return values;
    }

    @Test
    void countersTallyCallsReadsWritesAndBodyBytesPerEndpoint() throws Exception {
        seedSmall();
        sheets.spreadsheets().values().get("s1", "Sheet1!A1").execute();
        sheets.spreadsheets().values().get("s1", "Sheet1!A2").execute();
        sheets.spreadsheets()
                .values()
                .batchUpdate(
                        "s1",
                        new BatchUpdateValuesRequest()
                                .setValueInputOption("RAW")
                                .setData(List.of(new ValueRange()
                                        .setRange("Sheet1!H1:H500")
                                        .setValues(column(500, "same text")))))
                .execute();
        Counters counters = emu.counters();
        assertEquals(3, counters.calls());
        assertEquals(2, counters.calls("values.get"));
        assertEquals(1, counters.calls("values.batchUpdate"));
        assertEquals(2, counters.reads());
        assertEquals(1, counters.writes());
        assertEquals(0, counters.bytesIn("values.get"));
        assertTrue(counters.bytesOut("values.get") > 0);
        List<RequestRecord> log = emu.requestLog();
        assertEquals("ok", log.get(2).outcome());
        assertEquals(counters.bytesIn(), log.get(2).bytesIn());
        emu.resetCounters();
        assertEquals(0, emu.counters().calls());
        assertTrue(emu.requestLog().isEmpty());
    }

    @Test
    void clientRequestBodiesArriveGzippedAndAreCountedCompressed() throws Exception {
        seedSmall();
        List<List<Object>> values = column(1000, "a fairly long and very repetitive cell value");
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!J1:J1000", new ValueRange().setValues(values))
                .setValueInputOption("RAW")
                .execute();
        long plainJsonSize = values.size() * "[\"a fairly long and very repetitive cell value\"],".length();
        long bytesIn = emu.counters().bytesIn("values.update");
        assertTrue(bytesIn > 0 && bytesIn < plainJsonSize / 10, "gzip-compressed body expected, got " + bytesIn);
        assertEquals(
                1000,
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!J:J")
                        .execute()
                        .getValues()
                        .size());
    }

    @Test
    void identityAndGzipBodiesFromOtherClientsAreAccepted() throws Exception {
        seedSmall();
        String body = "{\"valueInputOption\":\"RAW\",\"data\":[{\"range\":\"Sheet1!A20\",\"values\":[[\"plain\"]]}]}";
        URI uri = URI.create(emu.rootUrl() + "v4/spreadsheets/s1/values:batchUpdate");
        HttpResponse<String> plain = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(body.replace("A20", "A21").replace("plain", "zipped").getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> gzip = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                        .header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, gzip.statusCode());
        assertTrue(gzip.body().contains("\"updatedRange\":\"Sheet1!A21\""), gzip.body());
        assertEquals(
                List.of(List.of("plain"), List.of("zipped")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!A20:A21")
                        .execute()
                        .getValues());
    }

    @Test
    void responsesAreGzippedOnlyForClientsThatAcceptIt() throws Exception {
        seedSmall();
        URI uri = URI.create(emu.rootUrl() + "v4/spreadsheets/s1/values/Sheet1!A1:D3");
        HttpResponse<byte[]> plain =
                HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = HTTP.send(
                HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        List<RequestRecord> log = emu.requestLog();
        assertEquals(plain.body().length, log.get(0).bytesOut());
        assertEquals(zipped.body().length, log.get(1).bytesOut());
        assertEquals(
                Collections.nCopies(2, "values.get"),
                log.stream().map(RequestRecord::endpoint).toList());
    }
}
