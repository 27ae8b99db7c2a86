package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.columnsUpTo;
import static com.spooltracker.extendschema.testing.Dumps.dataRows;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.isEmpty;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.Race;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FaultRule;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Many runs at once on one sheet: concurrent requests into one function instance (serialized per
 * sheet inside it) and separate CLI processes (not serialized at all). Whatever the interleaving,
 * the writes are absolute, so the sheet ends migrated exactly once, Metadata has N_UNION once, and
 * the history records each version (perhaps more than once).
 */
class ConcurrentRunsTest {
    private static final int POSTS = 8;
    private static final int PROCESSES = 4;

    @Test
    void eightConcurrentPostsAndFourCliProcessesAddEachColumnOnceAndChangeNoCell() throws Exception {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start();
                FunctionServer function = FunctionServer.start(emulator.hostPort(), "demo")) {
            emulator.seed(DemoSpreadsheet.seed());
            JsonObject before = emulator.dump("demo");
            // Reads as slow as Google's widen the window between a run's read and its writes.
            emulator.addFault(FaultRule.on("spreadsheets.get").times(0).delay(Duration.ofMillis(150)));

            Race race = Race.run(emulator, function, "", POSTS, PROCESSES);
            Map<String, Integer> outcomes = new TreeMap<>();
            race.posts()
                    .forEach(
                            r -> outcomes.merge("POST " + r.json().get("status").getAsString(), 1, Integer::sum));
            race.cliOutputs().forEach(o -> outcomes.merge("CLI " + o.split("\\s", 2)[0], 1, Integer::sum));

            JsonObject after = emulator.dump("demo");
            JsonObject operaciones = sheet(after, "Operaciones");
            List<String> headers = header(operaciones);
            for (String name : ExtendSchemaFunctionTest.V4_HEADERS) {
                assertEquals(1, Collections.frequency(headers, name), () -> name + " in " + headers);
            }
            assertEquals(ExtendSchemaFunctionTest.V4_HEADERS, headers.subList(67, 72));
            assertEquals(72, headers.size());
            assertEquals(72, operaciones.get("columnCount").getAsInt());
            List<Integer> spoolRows = dataRows(sheet(before, "Operaciones"), 0);
            int defaults = 0;
            for (int row = 1; row < operaciones.get("rowCount").getAsInt(); row++) {
                for (int column = 67; column < 72; column++) {
                    JsonElement value = cell(operaciones, row, column);
                    if (spoolRows.contains(row)) {
                        assertEquals(0, value.getAsInt(), "row " + (row + 1) + " column " + (column + 1));
                        defaults++;
                    } else {
                        assertTrue(isEmpty(value), "blank row " + (row + 1) + " got " + value);
                    }
                }
            }
            assertEquals(columnsUpTo(sheet(before, "Operaciones"), 67), columnsUpTo(operaciones, 67));
            assertEquals(
                    Dumps.withoutNUnion(without(without(before, "Operaciones"), Dumps.AUDIT)),
                    Dumps.withoutNUnion(without(without(after, "Operaciones"), Dumps.AUDIT)),
                    "the other sheets, Metadata included");
            // Every run that applied found no audit sheet: all raced to create it, and one sheet came of it.
            assertEquals(
                    1,
                    after.getAsJsonArray("sheets").asList().stream()
                            .filter(s -> s.getAsJsonObject()
                                    .get("title")
                                    .getAsString()
                                    .equals(Dumps.AUDIT))
                            .count());
            assertEquals(Dumps.AUDIT_HEADER, Dumps.header(sheet(after, Dumps.AUDIT)));
            JsonArray auditBefore = Dumps.auditRows(before);
            JsonArray auditAfter = Dumps.auditRows(after);
            int applied = outcomes.getOrDefault("POST APPLIED", 0) + outcomes.getOrDefault("CLI APPLIED", 0);
            int auditRows = auditAfter.size() - auditBefore.size();
            assertTrue(applied >= 1, outcomes::toString);
            assertEquals(applied, auditRows, "one audit row per run that applied");
            assertTrue(outcomes.getOrDefault("POST APPLIED", 0) <= 1, "one instance applies at most once: " + outcomes);
            JsonObject metadata = sheet(after, "Metadata");
            List<String> metadataHeader = header(metadata);
            assertEquals(1, Collections.frequency(metadataHeader, "N_UNION"), () -> "N_UNION in " + metadataHeader);
            assertEquals(10, metadataHeader.indexOf("N_UNION"), "right after Metadata_JSON");
            assertEquals(11, metadata.get("columnCount").getAsInt());
            // Runs that raced may each record a version; the set of versions is what must be exact.
            assertEquals(Set.of("4.0.1", "4.0.2"), Dumps.historyVersions(after));
            int historyEntries = historyEntries(after);
            assertTrue(historyEntries >= 2 && historyEntries <= 2 * (POSTS + PROCESSES), historyEntries + " entries");
            int changed = Dumps.changedCells(before, after);
            assertEquals(0, changed, "pre-existing cells changed");

            System.out.printf(
                    "concurrency: %d POSTs + %d CLI processes -> %s; new headers %d (each once), grid %d columns, "
                            + "%d defaults, %d pre-existing cells changed, %d audit rows, %d history entries%n",
                    POSTS,
                    PROCESSES,
                    outcomes,
                    headers.size() - 67,
                    operaciones.get("columnCount").getAsInt(),
                    defaults,
                    changed,
                    auditRows,
                    historyEntries);
        }
    }

    /** The schema history's entries, duplicates included. */
    private static int historyEntries(JsonObject dump) {
        if (!dump.has("developerMetadata")) {
            return 0;
        }
        return (int) dump.getAsJsonArray("developerMetadata").asList().stream()
                .filter(m ->
                        m.getAsJsonObject().get("metadataKey").getAsString().equals("extendSchema.history"))
                .count();
    }
}
