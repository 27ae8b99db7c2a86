package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FakeClock;
import io.sheetsemulator.control.FaultRule;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Another run changing the sheet while this run is between its read and its writes. The emulator's
 * fake clock holds this run's first write until the change is made: no timing is involved.
 */
class SheetChangesDuringRunTest {
    @Test
    void aGridGrownByAnotherRunBetweenTheReadAndTheWritesConverges() throws Exception {
        ColumnMapCache.shared().invalidateAll();
        FakeClock clock = new FakeClock();
        try (SheetsEmulator emulator = SheetsEmulator.start(clock);
                FunctionServer function = FunctionServer.start(emulator.hostPort(), "demo")) {
            emulator.seed(DemoSpreadsheet.seed());
            JsonObject expected = migrated(emulator, function);
            emulator.seed(DemoSpreadsheet.seed());
            ColumnMapCache.shared().invalidateAll();
            JsonObject before = emulator.dump("demo");
            emulator.addFault(FaultRule.on("spreadsheets.batchUpdate").delay(Duration.ofSeconds(1)));

            CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> function.post(""));
            clock.awaitSleeping(1); // this run has read the 67-column grid and its first write is held
            JsonObject grown = before.deepCopy();
            sheet(grown, "Operaciones").addProperty("columnCount", 72); // another run's first write
            emulator.seed(grown);
            clock.advance(Duration.ofSeconds(1));
            Response response = run.get(30, TimeUnit.SECONDS);

            assertEquals(200, response.status(), response::toString);
            assertEquals("APPLIED", response.json().get("status").getAsString());
            JsonObject after = emulator.dump("demo");
            assertEquals(sheet(expected, "Operaciones"), sheet(after, "Operaciones"));
            assertEquals(0, Dumps.changedCells(before, after));
        }
    }

    private static JsonObject migrated(SheetsEmulator emulator, FunctionServer function) {
        assertEquals(200, function.post("").status());
        return emulator.dump("demo");
    }
}
