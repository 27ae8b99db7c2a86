package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.emulator.FaultRule;
import com.spooltracker.extendschema.emulator.SheetsEmulator;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Another program (or another run) changing the sheet between this run's reads. */
class SheetChangesDuringRunTest {
    @Test
    void aGridGrownBetweenTheHeaderReadAndTheColumnsReadIsReadAgain() throws Exception {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start();
                FunctionServer function = FunctionServer.start(emulator.hostPort(), "demo")) {
            emulator.seedDemo();
            JsonObject expected = migrated(emulator, function);
            emulator.seedDemo();
            ColumnMapCache.shared().invalidateAll();
            JsonObject before = emulator.dump("demo");
            // The columns read waits; meanwhile another run grows the grid to 72 columns (its first write).
            emulator.addFault(FaultRule.on("spreadsheets.get").nth(2).delay(Duration.ofMillis(500)));

            CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> function.post(""));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (emulator.requestLog().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(2);
            }
            JsonObject grown = before.deepCopy();
            sheet(grown, "Operaciones").addProperty("columnCount", 72);
            emulator.seed(grown);
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
