package com.spooltracker.extendschema.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {
    private static AppliedMigration applied(String version, String installedOn, String outcome) {
        return new AppliedMigration(
                Version.parse(version),
                "desc " + version,
                "V" + version.replace('.', '_') + "__x.json",
                1234567890123L,
                installedOn,
                "function@project.iam.gserviceaccount.com",
                outcome);
    }

    private static SpreadsheetNote note(int id, AppliedMigration applied) {
        return new SpreadsheetNote(id, SchemaHistory.KEY, SchemaHistory.valueOf(applied));
    }

    @Test
    void anEntryReadsBackAsItWasWritten() {
        AppliedMigration first = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.APPLIED);
        AppliedMigration second = applied("4.0.2", "2026-03-01T10:00:01.250Z", AppliedMigration.BASELINE);

        SchemaHistory history = SchemaHistory.of(List.of(note(9, second), note(4, first)));

        assertEquals(List.of(first, second), history.entries(), "in version order");
        assertEquals(Optional.of(second), history.of(Version.parse("4_0_2")));
        assertEquals(Optional.empty(), history.of(Version.parse("4.0.3")));
        assertTrue(history.unreadable().isEmpty());
        assertTrue(SchemaHistory.EMPTY.isEmpty());
    }

    @Test
    void aVersionRecordedTwiceKeepsItsEarliestEntryWhicheverIdItHas() {
        AppliedMigration later = applied("4.0.2", "2026-03-01T10:00:05Z", AppliedMigration.BASELINE);
        AppliedMigration earliest = applied("4.0.2", "2026-03-01T10:00:04Z", AppliedMigration.APPLIED);

        assertEquals(
                List.of(earliest),
                SchemaHistory.of(List.of(note(1, later), note(2, earliest))).entries());
        assertEquals(
                List.of(earliest),
                SchemaHistory.of(List.of(note(1, earliest), note(2, later))).entries());
    }

    @Test
    void twoEntriesOfTheSameInstantKeepTheOneWrittenFirst() {
        AppliedMigration applied = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.APPLIED);
        AppliedMigration baseline = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.BASELINE);

        assertEquals(
                List.of(applied),
                SchemaHistory.of(List.of(note(8, baseline), note(3, applied))).entries());
    }

    @Test
    void instantsAreComparedAsTimesNotAsText() {
        // Instant.toString() leaves out a zero fraction: as text "…:00Z" sorts after "…:00.500Z".
        AppliedMigration onTheSecond = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.APPLIED);
        AppliedMigration halfASecondLater = applied("4.0.1", "2026-03-01T10:00:00.500Z", AppliedMigration.BASELINE);

        assertEquals(
                List.of(onTheSecond),
                SchemaHistory.of(List.of(note(1, halfASecondLater), note(2, onTheSecond)))
                        .entries());
    }

    @Test
    void entriesThatDoNotReadAsOneAreReportedAndTheRestStands() {
        AppliedMigration good = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.APPLIED);
        List<String> bad = List.of(
                "not json",
                "[1, 2]",
                "{\"version\": \"4.0.2\"}",
                SchemaHistory.valueOf(good).replace("\"4.0.1\"", "\"four\""));

        SchemaHistory history = SchemaHistory.of(List.of(
                note(1, good),
                new SpreadsheetNote(2, SchemaHistory.KEY, bad.get(0)),
                new SpreadsheetNote(3, SchemaHistory.KEY, bad.get(1)),
                new SpreadsheetNote(4, SchemaHistory.KEY, bad.get(2)),
                new SpreadsheetNote(5, SchemaHistory.KEY, bad.get(3))));

        assertEquals(List.of(good), history.entries());
        assertEquals(bad, history.unreadable());
    }

    @Test
    void notesUnderOtherKeysAreNotHistory() {
        AppliedMigration good = applied("4.0.1", "2026-03-01T10:00:00Z", AppliedMigration.APPLIED);

        SchemaHistory history = SchemaHistory.of(List.of(
                new SpreadsheetNote(1, "extendSchema.column", "Total_Uniones"),
                new SpreadsheetNote(2, "extendSchema.history.old", SchemaHistory.valueOf(good)),
                new SpreadsheetNote(3, "someoneElse", "garbage")));

        assertTrue(history.isEmpty());
        assertTrue(history.unreadable().isEmpty());
    }
}
