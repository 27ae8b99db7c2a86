package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sheetsemulator.control.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordedRequestTest extends EmulatorFixture {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void aRecordedWriteHasItsHeadersAndItsBodyUngzipped() throws Exception {
        seedSmall();
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!A1", new ValueRange().setValues(List.of(List.of("bolt", 7))))
                .setValueInputOption("RAW")
                .execute();
        RequestRecord put = emu.takeRequest(PATIENCE);
        assertNotNull(put);
        assertEquals("values.update", put.endpoint());
        assertEquals("gzip", put.header("Content-Encoding"), "the client gzips bodies; the record keeps the header");
        assertTrue(
                put.header("user-agent").startsWith("emulator-test"),
                put.headers().toString());
        assertEquals(put.header("User-Agent"), put.headers().get("user-agent").get(0));
        JsonObject body = JsonParser.parseString(put.body()).getAsJsonObject();
        assertEquals("[[\"bolt\",7]]", body.get("values").toString());
        assertTrue(put.bytesIn() > 0);
    }

    @Test
    void requestsAreTakenOnceEachInTheOrderTheyCame() throws Exception {
        seedSmall();
        sheets.spreadsheets().get("s1").execute();
        sheets.spreadsheets().values().get("s1", "A1").execute();
        assertEquals("spreadsheets.get", emu.takeRequest(PATIENCE).endpoint());
        RequestRecord read = emu.takeRequest(PATIENCE);
        assertEquals("values.get", read.endpoint());
        assertEquals("", read.body());
        assertNull(emu.takeRequest(Duration.ZERO), "both were taken");
        assertEquals(2, emu.requestLog().size(), "taking leaves the log alone");
    }

    @Test
    void takeRequestWaitsForARequestStillToCome() throws Exception {
        seedSmall();
        CompletableFuture<RequestRecord> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return emu.takeRequest(PATIENCE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sheets.spreadsheets().values().get("s1", "B2").execute();
        assertEquals("/v4/spreadsheets/s1/values/B2", taken.get().pathAndQuery().replaceAll("\\?.*", ""));
    }

    @Test
    void takeRequestAnswersNullWhenNoneComesAndResetDropsUntakenRequests() throws Exception {
        seedSmall();
        sheets.spreadsheets().get("s1").execute();
        emu.resetCounters();
        assertNull(emu.takeRequest(Duration.ofMillis(20)));
    }

    @Test
    void aRecordPrintsWithoutItsBody() throws Exception {
        seedSmall();
        sheets.spreadsheets()
                .values()
                .update("s1", "Sheet1!A1", new ValueRange().setValues(List.of(List.of("secret-ish"))))
                .setValueInputOption("RAW")
                .execute();
        String printed = emu.takeRequest(PATIENCE).toString();
        assertTrue(printed.contains("endpoint=values.update"), printed);
        assertTrue(!printed.contains("secret-ish") && printed.contains("bodyChars="), printed);
    }
}
