package com.spooltracker.extendschema.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which runs the journal marks as the documented residual case: a race between the read and the write. */
class JournalTest {
    private static final String ROWS = "person inserted 1 blank rows of Operaciones before row 4";

    @Test
    void rowsOfOperacionesMovedBetweenTheReadAndTheMetricWriteMarkTheRun() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "spreadsheets.get");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "values.batchUpdate");

        assertEquals(List.of("rows of Operaciones moved"), run.racesUnderTheWrite());
    }

    @Test
    void rowsMovedBetweenANewInstancesGridReadByDataFilterAndTheMigrationsWriteMarkTheRun() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "values.batchGetByDataFilter");
        journal.call(run, "spreadsheets.getByDataFilter");
        journal.call(run, "spreadsheets.batchUpdate");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "values.batchUpdate");

        assertEquals(List.of("rows of Operaciones moved"), run.racesUnderTheWrite());
    }

    @Test
    void aRowOfOperacionesDeletedBetweenTheGridReadAndTheMetricWriteMarksTheRun() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "values.batchGet");
        journal.call(run, "spreadsheets.get");
        journal.editBeforeCall(run, "person deleted 1 row of Operaciones (row 9)");
        journal.call(run, "values.batchUpdateByDataFilter");

        assertEquals(List.of("rows of Operaciones moved"), run.racesUnderTheWrite());
    }

    @Test
    void aFormulaTypedIntoAMetricCellBetweenTheReadAndTheWriteMarksTheRun() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "spreadsheets.get");
        journal.editBeforeCall(run, "person typed =1+1 into Operaciones!BP4 (Total_Uniones)");
        journal.call(run, "values.batchUpdate");

        assertEquals(List.of("a formula typed into Operaciones!BP4"), run.racesUnderTheWrite());
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

        assertEquals(List.of(), run.racesUnderTheWrite());
    }

    @Test
    void rowsMovedBeforeTheGridReadThatPlansTheWriteDoNot() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "values.batchGet");
        journal.editBeforeCall(run, ROWS);
        journal.call(run, "spreadsheets.get");
        journal.call(run, "values.batchUpdateByDataFilter");

        assertEquals(List.of(), run.racesUnderTheWrite());
    }

    @Test
    void otherEditsBetweenTheReadAndTheWriteDoNot() {
        Journal journal = new Journal("sheet");
        Journal.Run run = journal.startRun("refreshMetrics=true");
        journal.call(run, "spreadsheets.get");
        journal.editBeforeCall(run, "person inserted 1 blank rows of Uniones before row 4");
        journal.editBeforeCall(run, "person moved column Total_Uniones of Operaciones from BP to before C");
        journal.call(run, "values.batchUpdate");

        assertEquals(List.of(), run.racesUnderTheWrite());
    }
}
