package com.spooltracker.extendschema.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.migrations.VersionPlan.Status;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlanResult;
import com.spooltracker.extendschema.schema.Planner;
import com.spooltracker.extendschema.schema.SchemaV4;
import com.spooltracker.extendschema.schema.SheetFixture;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionPlanTest {
    static final Schema SCHEMA = Schema.shipped();
    static final SheetNames NAMES = new SheetNames("Operaciones", "Eventos", "Uniones");
    static final List<String> METADATA_HEADER = DemoSpreadsheet.METADATA_HEADERS;

    private static Plan plan(SheetFixture sheet, String declared) {
        PlanResult result = Planner.plan(
                sheet.snapshot(),
                declared.equals("Operaciones") ? Optional.of("TAG_SPOOL") : SCHEMA.keyOf(declared),
                SCHEMA.columnsOf(declared),
                SCHEMA.requiresOf(declared));
        return assertInstanceOf(PlanResult.Ready.class, result, result::toString)
                .plan();
    }

    private static Plan v3Operaciones() {
        return plan(SheetFixture.v3().dataRows(1, 20), "Operaciones");
    }

    private static Plan v4Operaciones() {
        SheetFixture sheet = SheetFixture.v3().grid(1000, 72).dataRows(1, 20);
        for (int i = 0; i < 5; i++) {
            sheet.header(67 + i, SchemaV4.METRIC_COLUMNS.get(i).header()).filled(67 + i, 1, 20);
        }
        return plan(sheet, "Operaciones");
    }

    static SheetFixture metadata(String... extra) {
        List<String> header = new ArrayList<>(METADATA_HEADER);
        header.addAll(List.of(extra));
        return SheetFixture.withHeader(header.toArray(String[]::new))
                .titled("Eventos")
                .grid(500, header.size())
                .dataRows(1, 300);
    }

    private static Map<String, Optional<Plan>> metadataPlan(SheetFixture sheet) {
        return Map.of("Metadata", Optional.of(plan(sheet, "Metadata")));
    }

    static SchemaHistory recorded(String... versions) {
        List<SpreadsheetNote> notes = new ArrayList<>();
        for (MigrationFile file : SCHEMA.files()) {
            if (List.of(versions).contains(file.version().toString())) {
                notes.add(new SpreadsheetNote(
                        notes.size() + 1,
                        SchemaHistory.KEY,
                        SchemaHistory.valueOf(new AppliedMigration(
                                file.version(),
                                file.description(),
                                file.script(),
                                file.checksum(),
                                "2026-03-01T10:00:00Z",
                                "me",
                                AppliedMigration.APPLIED))));
            }
        }
        return SchemaHistory.of(notes);
    }

    private static List<Status> statuses(VersionPlan plan) {
        return plan.steps().stream().map(VersionPlan.Step::status).toList();
    }

    @Test
    void aV3TrackerWithoutHistoryAppliesBothVersions() {
        VersionPlan plan =
                VersionPlan.of(SCHEMA, SchemaHistory.EMPTY, NAMES, v3Operaciones(), metadataPlan(metadata()));

        assertEquals(List.of(Status.APPLY, Status.APPLY), statuses(plan));
        assertEquals(2, plan.toRecord().size());
        assertEquals(1, plan.otherSheets().size());
        assertEquals("K", plan.otherSheets().get(0).added().get(0).letter(), "N_UNION right after Metadata_JSON");
        assertTrue(plan.readOtherSheets());
        assertFalse(plan.writesNothing());
    }

    @Test
    void aRecordedVersionIsDoneAndTheOtherStillApplies() {
        VersionPlan plan = VersionPlan.of(SCHEMA, recorded("4.0.1"), NAMES, v4Operaciones(), metadataPlan(metadata()));

        assertEquals(List.of(Status.DONE, Status.APPLY), statuses(plan));
        assertEquals(
                List.of("4.0.2"),
                plan.toRecord().stream().map(s -> s.file().version().toString()).toList());
    }

    @Test
    void aTrackerThatAlreadyHasEveryColumnIsBaselinedAndOnlyRecorded() {
        VersionPlan plan =
                VersionPlan.of(SCHEMA, SchemaHistory.EMPTY, NAMES, v4Operaciones(), metadataPlan(metadata("N_UNION")));

        assertEquals(List.of(Status.BASELINE, Status.BASELINE), statuses(plan));
        assertTrue(plan.otherSheets().get(0).isUpToDate());
        assertFalse(plan.writesNothing(), "the history entries are still to write");
    }

    @Test
    void nUnionElsewhereInMetadataStillCountsAsPresent() {
        VersionPlan plan = VersionPlan.of(
                SCHEMA, recorded("4.0.1"), NAMES, v4Operaciones(), metadataPlan(metadata("Notas", "N_UNION")));

        assertEquals(List.of(Status.DONE, Status.BASELINE), statuses(plan));
    }

    @Test
    void withoutTheMetadataSheetItsVersionIsBlockedNamingTheSheetByItsTitle() {
        VersionPlan plan = VersionPlan.of(
                SCHEMA, SchemaHistory.EMPTY, NAMES, v3Operaciones(), Map.of("Metadata", Optional.empty()));

        assertEquals(List.of(Status.APPLY, Status.BLOCKED), statuses(plan));
        String note = plan.blocked().get(0).note();
        assertTrue(note.contains("no sheet 'Eventos'") && note.contains("V4_0_2__metadata_n_union.json"), note);
        assertEquals(1, plan.toRecord().size(), "the blocked version is not recorded");
    }

    @Test
    void aPartlyMigratedOperacionesStillApplies() {
        SheetFixture sheet = SheetFixture.v3().grid(1000, 69).dataRows(1, 20);
        sheet.header(67, "Total_Uniones").header(68, "Uniones_ARM_Completadas");

        VersionPlan plan = VersionPlan.of(SCHEMA, recorded("4.0.2"), NAMES, plan(sheet, "Operaciones"), Map.of());

        assertEquals(List.of(Status.APPLY, Status.DONE), statuses(plan));
    }

    @Test
    void aCompleteHistoryWritesNothing() {
        VersionPlan plan = VersionPlan.allDone(SCHEMA);

        assertEquals(List.of(Status.DONE, Status.DONE), statuses(plan));
        assertTrue(plan.writesNothing());
        assertFalse(plan.readOtherSheets());
        assertEquals(
                statuses(plan),
                statuses(VersionPlan.of(SCHEMA, recorded("4.0.1", "4.0.2"), NAMES, v4Operaciones(), Map.of())));
    }
}
