package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends EmulatorFixture {

    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 25;

    @Test
    void parallelWritersAndAppendersLoseNoUpdates() throws Exception {
        emu.seed("{\"spreadsheetId\":\"s1\",\"sheets\":[{\"title\":\"Grid\",\"rowCount\":100,\"columnCount\":8},"
                + "{\"title\":\"Log\",\"rowCount\":10,\"columnCount\":2,\"rows\":[[\"thread\",\"n\"]]}]}");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Sheets client = client(emu);
            done.add(pool.submit(() -> {
                for (int i = 0; i < WRITES_PER_THREAD; i++) {
                    String cell = "Grid!" + (char) ('A' + thread) + (i + 1);
                    client.spreadsheets()
                            .values()
                            .update("s1", cell, new ValueRange().setValues(List.of(List.of(thread * 1000 + i))))
                            .setValueInputOption("RAW")
                            .execute();
                    client.spreadsheets()
                            .values()
                            .append("s1", "Log!A1", new ValueRange().setValues(List.of(List.of("t" + thread, i))))
                            .setValueInputOption("RAW")
                            .execute();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<List<Object>> grid = sheets.spreadsheets()
                .values()
                .get("s1", "Grid!A1:H25")
                .setValueRenderOption("UNFORMATTED_VALUE")
                .execute()
                .getValues();
        for (int i = 0; i < WRITES_PER_THREAD; i++) {
            for (int t = 0; t < THREADS; t++) {
                assertEquals(String.valueOf(t * 1000 + i), grid.get(i).get(t).toString());
            }
        }
        List<List<Object>> log =
                sheets.spreadsheets().values().get("s1", "Log").execute().getValues();
        assertEquals(1 + THREADS * WRITES_PER_THREAD, log.size());
        Set<String> entries = new HashSet<>();
        log.stream().skip(1).forEach(row -> entries.add(row.get(0) + "/" + row.get(1)));
        assertEquals(THREADS * WRITES_PER_THREAD, entries.size());
        assertEquals(2 * THREADS * WRITES_PER_THREAD, emu.counters().writes());
    }
}
