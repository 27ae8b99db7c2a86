package com.spooltracker.extendschema.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Dumps;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.Counters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's runs on a 200-row sheet, in this JVM: call counts and the bytes ratio to the
 * baseline, never times. Also checks that the benchmark's seeded states are what a migration leaves.
 */
class BenchmarkSmokeTest {
    private static final int ROWS = 200;
    private static SheetsEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private Counters run(Instance instance, boolean dryRun, String expectedStatus) throws Exception {
        emulator.resetCounters();
        Instance.Figures figures = instance.run(dryRun);
        assertEquals(expectedStatus, figures.status());
        return emulator.counters();
    }

    @Test
    void oursStaysWithinTheCallBudgetAndReadsUnderAnEighthOfTheBaseline() throws Exception {
        emulator.seed(BenchSheet.seed(ROWS, BenchSheet.State.FRESH));
        Instance ours = Instance.ours(emulator.hostPort());

        Counters coldDryRun = run(ours, true, "DRY_RUN");
        Counters warmDryRun = run(ours, true, "DRY_RUN");
        Counters apply = run(ours, false, "APPLIED");
        Counters upToDate = run(ours, false, "UP_TO_DATE");

        // Operaciones with the schema history; while Metadata's migration is pending, its header, and before
        // a write Operaciones again (the last read before it); a dry run that would grow the grid also reads
        // every sheet's size, for the workbook cell limit.
        assertEquals(3, coldDryRun.reads(), coldDryRun::toString);
        assertEquals(3, warmDryRun.reads(), warmDryRun::toString);
        assertEquals(3, apply.reads(), apply::toString);
        assertEquals(2, apply.writes(), apply::toString);
        assertEquals(1, upToDate.reads(), upToDate::toString);
        assertEquals(0, upToDate.writes(), upToDate::toString);

        emulator.seed(BenchSheet.seed(ROWS, BenchSheet.State.FRESH));
        Counters baseline = run(Instance.baseline(emulator.hostPort()), false, "APPLIED");
        assertEquals(5, baseline.calls(), baseline::toString);
        // The fresh run reads Operaciones twice (Metadata's pending migration is read in between), each read
        // under an eighth of the baseline's; a run on an up-to-date history reads it once.
        assertTrue(
                apply.bytesOut() * 4 <= baseline.bytesOut(), apply.bytesOut() + " vs baseline " + baseline.bytesOut());
        assertTrue(
                upToDate.bytesOut() * 8 <= baseline.bytesOut(),
                upToDate.bytesOut() + " vs baseline " + baseline.bytesOut());
    }

    @Test
    void theSeededStatesAreWhatMigrationsLeave() throws Exception {
        JsonObject migrated = operaciones(BenchSheet.State.MIGRATED);
        for (BenchSheet.State start : new BenchSheet.State[] {BenchSheet.State.FRESH, BenchSheet.State.APPENDED}) {
            emulator.seed(BenchSheet.seed(ROWS, start));
            run(Instance.ours(emulator.hostPort()), false, "APPLIED");
            JsonObject after = Dumps.sheet(emulator.dump(BenchSheet.ID), BenchSheet.SHEET);
            assertEquals(Dumps.rows(migrated), Dumps.rows(after), "after migrating " + start);
            assertEquals(migrated.get("columnCount"), after.get("columnCount"));

            emulator.seed(BenchSheet.seed(ROWS, start));
            run(Instance.baseline(emulator.hostPort()), false, "APPLIED");
            after = Dumps.sheet(emulator.dump(BenchSheet.ID), BenchSheet.SHEET);
            assertEquals(Dumps.rows(migrated), Dumps.rows(after), "after the baseline migrated " + start);
        }
    }

    private static JsonObject operaciones(BenchSheet.State state) {
        emulator.seed(BenchSheet.seed(ROWS, state));
        return Dumps.sheet(emulator.dump(BenchSheet.ID), BenchSheet.SHEET);
    }
}
