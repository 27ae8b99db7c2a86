package com.spooltracker.extendschema.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.migrations.Finding.Kind;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.SchemaV4;
import com.spooltracker.extendschema.schema.SheetFixture;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static final Schema SCHEMA = VersionPlanTest.SCHEMA;
    private static final SheetNames NAMES = VersionPlanTest.NAMES;

    private static List<String> operaciones() {
        List<String> header = new ArrayList<>(SheetFixture.V3_HEADER);
        SchemaV4.METRIC_COLUMNS.forEach(c -> header.add(c.header()));
        return header;
    }

    private static List<String> metadata(String... extra) {
        List<String> header = new ArrayList<>(VersionPlanTest.METADATA_HEADER);
        header.addAll(List.of(extra));
        return header;
    }

    private static Map<String, Optional<ColumnMap>> headers(List<String> metadata) {
        Map<String, Optional<ColumnMap>> headers = new LinkedHashMap<>();
        headers.put("Operaciones", Optional.of(ColumnMap.of(operaciones())));
        headers.put("Uniones", Optional.of(ColumnMap.of(SCHEMA.requiresOf("Uniones"))));
        headers.put("Metadata", Optional.ofNullable(metadata).map(ColumnMap::of));
        return headers;
    }

    private static List<Finding> findings(List<String> metadata, SchemaHistory history) {
        return SchemaCheck.findings(SCHEMA, NAMES, history, headers(metadata), List.of());
    }

    private static SchemaHistory complete() {
        return VersionPlanTest.recorded("4.0.1", "4.0.2");
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }

    @Test
    void aMigratedTrackerWithItsHistoryHasNoFinding() {
        assertEquals(List.of(), findings(metadata("N_UNION"), complete()));
    }

    @Test
    void aMissingSheetIsNamedByItsTitle() {
        Finding finding = only(findings(null, complete()));

        assertEquals(Kind.MISSING_SHEET, finding.kind());
        assertEquals("Eventos", finding.sheet());
        assertTrue(finding.message().contains("no sheet 'Eventos'"), finding::toString);
    }

    @Test
    void missingHeadersAreListedTogether() {
        List<String> header = metadata();
        header.remove("Evento_Tipo");

        Finding finding = only(findings(header, complete()));

        assertEquals(Kind.MISSING_HEADER, finding.kind());
        assertTrue(finding.message().contains("lacks Evento_Tipo, N_UNION in row 1"), finding::toString);
    }

    @Test
    void aHeaderTwiceNamesBothCells() {
        Finding finding = only(findings(metadata("N_UNION", "Notas", "N_UNION"), complete()));

        assertEquals(Kind.DUPLICATE_HEADER, finding.kind());
        assertEquals(List.of("K1", "M1"), finding.cells());
    }

    @Test
    void nUnionNotRightAfterMetadataJsonIsMisplaced() {
        Finding finding = only(findings(metadata("Notas", "N_UNION"), complete()));

        assertEquals(Kind.MISPLACED_HEADER, finding.kind());
        assertEquals(List.of("L1"), finding.cells());
        assertTrue(finding.message().contains("not right after 'Metadata_JSON' (J1)"), finding::toString);
    }

    @Test
    void unrecordedVersionsArePending() {
        List<Finding> findings = findings(metadata("N_UNION"), SchemaHistory.EMPTY);

        assertEquals(List.of(Kind.PENDING_MIGRATION, Kind.PENDING_MIGRATION), kinds(findings));
        assertTrue(findings.get(1).message().contains("4.0.2 (V4_0_2__metadata_n_union.json)"), findings::toString);
    }

    @Test
    void aFileEditedAfterItWasAppliedIsAChecksumMismatch() {
        MigrationFile first = SCHEMA.files().get(0);
        SchemaHistory history = SchemaHistory.of(List.of(
                note(1, first, first.checksum() + 1),
                note(2, SCHEMA.files().get(1), SCHEMA.files().get(1).checksum())));

        Finding finding = only(findings(metadata("N_UNION"), history));

        assertEquals(Kind.CHECKSUM_MISMATCH, finding.kind());
        assertTrue(
                finding.message()
                        .startsWith("Migration 4.0.1 was applied from a file with checksum " + (first.checksum() + 1)),
                finding::toString);
    }

    @Test
    void aVersionThisDeploymentDoesNotShipIsUnknown() {
        List<SpreadsheetNote> notes = new ArrayList<>();
        SCHEMA.files().forEach(f -> notes.add(note(notes.size() + 1, f, f.checksum())));
        notes.add(new SpreadsheetNote(
                9,
                SchemaHistory.KEY,
                SchemaHistory.valueOf(new AppliedMigration(
                        Version.parse("4.1.0"),
                        "future",
                        "V4_1_0__future.json",
                        1,
                        "2026-05-01T00:00:00Z",
                        "me",
                        "APPLIED"))));

        Finding finding = only(findings(metadata("N_UNION"), SchemaHistory.of(notes)));

        assertEquals(Kind.UNKNOWN_VERSION, finding.kind());
        assertTrue(finding.message().contains("4.1.0 (V4_1_0__future.json)"), finding::toString);
    }

    @Test
    void anUnreadableHistoryEntryIsReportedAbbreviated() {
        List<SpreadsheetNote> notes = new ArrayList<>();
        SCHEMA.files().forEach(f -> notes.add(note(notes.size() + 1, f, f.checksum())));
        notes.add(new SpreadsheetNote(9, SchemaHistory.KEY, "edited by hand " + "x".repeat(200)));

        Finding finding = only(findings(metadata("N_UNION"), SchemaHistory.of(notes)));

        assertEquals(Kind.UNREADABLE_HISTORY, finding.kind());
        assertTrue(
                finding.message().contains("edited by hand")
                        && finding.message().endsWith("…"),
                finding::toString);
    }

    @Test
    void rowsAnEarlierVersionWroteIntoMetadataAreNamedUpToTwenty() {
        List<Integer> rows = new ArrayList<>();
        for (int row = 5; row < 30; row++) {
            rows.add(row);
        }

        Finding one = only(SchemaCheck.findings(SCHEMA, NAMES, complete(), headers(metadata("N_UNION")), List.of(7)));
        Finding many = only(SchemaCheck.findings(SCHEMA, NAMES, complete(), headers(metadata("N_UNION")), rows));

        assertEquals(Kind.LEGACY_AUDIT_ROWS, one.kind());
        assertEquals("Eventos", one.sheet());
        assertEquals(List.of("A7"), one.cells());
        assertTrue(one.message().startsWith("1 row of 'Eventos' (row 7)"), one::toString);
        assertEquals(20, many.cells().size());
        assertTrue(
                many.message().startsWith("25 rows of 'Eventos' (rows 5, 6,")
                        && many.message().contains("24, …)"),
                many::toString);
    }

    private static SpreadsheetNote note(int id, MigrationFile file, long checksum) {
        return new SpreadsheetNote(
                id,
                SchemaHistory.KEY,
                SchemaHistory.valueOf(new AppliedMigration(
                        file.version(),
                        file.description(),
                        file.script(),
                        checksum,
                        "2026-03-01T10:00:00Z",
                        "me",
                        AppliedMigration.APPLIED)));
    }

    private static List<Kind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }
}
