package com.spooltracker.extendschema.soak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which runs the journal marks as the documented residual case: rows moved between the read and the write. */
class JournalTest {
    private static final String ROWS = "person inserted 1 blank rows of Operaciones before row 4";

    @Test
    void rowsOfOperacionesMovedBetweenTheReadAndTheMetricWriteMarkTheRun() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "spreadsheets.get");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "values.batchUpdate");

        assertTrue(run.rowsMovedUnderTheWrite());
    }

    @Test
    void rowsMovedBeforeTheReadOrAfterTheWriteDoNot() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "spreadsheets.get");
        journal.call(run, "values.batchUpdate");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "values.append");

        assertFalse(run.rowsMovedUnderTheWrite());
    }

    @Test
    void otherEditsBetweenTheReadAndTheWriteDoNot() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "values.batchGet");
        journal.editBeforeCall(run, "person inserted 1 blank rows of Uniones before row 4");
        journal.editBeforeCall(run, "person moved column Total_Uniones of Operaciones from BP to before C");
        journal.call(run, "values.batchUpdate");

        assertFalse(run.rowsMovedUnderTheWrite());
    }
}
