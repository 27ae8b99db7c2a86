package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.sheetsemulator.control.Quota;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaTest extends EmulatorFixture {

    private static void write(String cell, String value) throws IOException {
        sheets.spreadsheets()
                .values()
                .update("s1", cell, new ValueRange().setValues(List.of(List.of(value))))
                .setValueInputOption("RAW")
                .execute();
    }

    private static String read(String cell) throws IOException {
        return (String) sheets.spreadsheets()
                .values()
                .get("s1", cell)
                .execute()
                .getValues()
                .get(0)
                .get(0);
    }

    @Test
    void writeBeyondTheQuotaIs429AndNotApplied() throws Exception {
        seedSmall();
        emu.setQuota(Quota.perMinute(2));
        write("Sheet1!A1", "one");
        write("Sheet1!A1", "two");
        GoogleJsonResponseException e =
                assertThrows(GoogleJsonResponseException.class, () -> write("Sheet1!A1", "three"));
        assertEquals(429, e.getStatusCode());
        assertEquals("RESOURCE_EXHAUSTED", e.getDetails().get("status"));
        assertTrue(e.getDetails().getMessage().contains("'Write requests per minute per user'"));
        assertEquals("two", read("Sheet1!A1"));
        assertEquals("quota", emu.requestLog().get(2).outcome());
        emu.setQuota(null);
        write("Sheet1!A1", "four");
        assertEquals("four", read("Sheet1!A1"));
    }

    @Test
    void readQuotaIsSeparateAndTheWindowSlides() throws Exception {
        seedSmall();
        emu.setQuota(new Quota(0, 1, Duration.ofMinutes(1)));
        assertEquals("name", read("Sheet1!A1"));
        GoogleJsonResponseException e = assertThrows(GoogleJsonResponseException.class, () -> read("Sheet1!A1"));
        assertTrue(e.getDetails().getMessage().contains("'Read requests'"));
        write("Sheet1!B1", "writes are unlimited");
        write("Sheet1!B1", "still unlimited");
        clock.advance(Duration.ofSeconds(59));
        assertThrows(GoogleJsonResponseException.class, () -> read("Sheet1!A1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("name", read("Sheet1!A1"));
    }
}
