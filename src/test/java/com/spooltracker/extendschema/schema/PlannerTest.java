package com.spooltracker.extendschema.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.local.DemoSpreadsheet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final List<ColumnSpec> V4 = SchemaV4.METRIC_COLUMNS;

    private static Plan ready(SheetFixture sheet) {
        PlanResult result = Planner.plan(sheet.snapshot(), "TAG_SPOOL", V4);
        return assertInstanceOf(PlanResult.Ready.class, result, () -> "refused: " + result)
                .plan();
    }

    private static List<Conflict> refused(SheetFixture sheet) {
        return refused(sheet, "TAG_SPOOL");
    }

    private static List<Conflict> refused(SheetFixture sheet, String key) {
        PlanResult result = Planner.plan(sheet.snapshot(), key, V4);
        return assertInstanceOf(PlanResult.Refused.class, result, () -> "planned: " + result)
                .conflicts();
    }

    private static List<String> letters(List<Placement> placements) {
        return placements.stream().map(Placement::letter).collect(Collectors.toList());
    }

    @Test
    void v3SheetGetsFiveColumnsAt68To72WithDefaultsInEveryDataRow() {
        Plan plan = ready(SheetFixture.v3().dataRows(1, 300));

        assertEquals(List.of("BP", "BQ", "BR", "BS", "BT"), letters(plan.added()));
        assertEquals(
                List.of(
                        "Total_Uniones",
                        "Uniones_ARM_Completadas",
                        "Uniones_SOLD_Completadas",
                        "Pulgadas_ARM",
                        "Pulgadas_SOLD"),
                plan.added().stream().map(p -> p.spec().header()).collect(Collectors.toList()));
        assertTrue(plan.positionsAsSpecified());
        assertEquals(67, plan.gridColumnsBefore());
        assertEquals(72, plan.gridColumnsAfter());
        assertEquals(300, plan.dataRows());
        assertEquals(1500, plan.cellsToInitialize());
        for (ColumnFill fill : plan.fills()) {
            assertTrue(fill.writesHeader());
            BitSet expected = new BitSet();
            expected.set(1, 301);
            assertEquals(expected, fill.rows());
        }
    }

    @Test
    void blankRowsBetweenDataRowsGetNothing() {
        Plan plan = ready(SheetFixture.v3().dataRows(1, 10).dataRows(20, 29));

        assertEquals(20, plan.dataRows());
        BitSet rows = plan.fills().get(0).rows();
        assertFalse(rows.get(15));
        assertFalse(rows.get(0));
        assertEquals(20, rows.cardinality());
    }

    @Test
    void sheetWithAllFiveColumnsAndValuesEverywhereIsUpToDate() {
        SheetFixture sheet = SheetFixture.v3().grid(1000, 72).dataRows(1, 300);
        for (int i = 0; i < 5; i++) {
            sheet.header(67 + i, V4.get(i).header()).filled(67 + i, 1, 300);
        }
        Plan plan = ready(sheet);

        assertTrue(plan.isUpToDate());
        assertEquals(5, plan.present().size());
        assertFalse(plan.growsGrid());
    }

    @Test
    void presentColumnsAreFoundByNormalizedName() {
        SheetFixture sheet = SheetFixture.v3()
                .grid(1000, 72)
                .dataRows(1, 3)
                .header(67, "total uniones")
                .header(68, "UNIONES ARM COMPLETADAS")
                .header(69, "uniones/sold/completadas")
                .header(70, "Pulgadas_ARM")
                .header(71, "pulgadas_sold");
        for (int c = 67; c < 72; c++) {
            sheet.filled(c, 1, 3);
        }
        assertTrue(ready(sheet).isUpToDate());
    }

    @Test
    void partialStateAddsTheMissingColumnsAfterThePresentOnes() {
        SheetFixture sheet = SheetFixture.v3()
                .grid(1000, 69)
                .dataRows(1, 100)
                .header(67, "Total_Uniones")
                .header(68, "Uniones_ARM_Completadas")
                .filled(67, 1, 100)
                .filled(68, 1, 50);
        Plan plan = ready(sheet);

        assertEquals(List.of("BP", "BQ"), letters(plan.present()));
        assertEquals(List.of("BR", "BS", "BT"), letters(plan.added()));
        assertEquals(72, plan.gridColumnsAfter());
        assertEquals(50 + 3 * 100, plan.cellsToInitialize());
        ColumnFill armFill = plan.fills().stream()
                .filter(f -> f.placement().letter().equals("BQ"))
                .findFirst()
                .orElseThrow();
        assertFalse(armFill.writesHeader());
        assertEquals(51, armFill.rows().nextSetBit(0));
    }

    @Test
    void rowsAppendedAfterTheMigrationGetTheirDefaults() {
        SheetFixture sheet = SheetFixture.v3().grid(1000, 72).dataRows(1, 305);
        for (int i = 0; i < 5; i++) {
            sheet.header(67 + i, V4.get(i).header()).filled(67 + i, 1, 300);
        }
        Plan plan = ready(sheet);

        assertTrue(plan.added().isEmpty());
        assertEquals(25, plan.cellsToInitialize());
        assertFalse(plan.growsGrid());
        assertEquals(301, plan.fills().get(0).rows().nextSetBit(0));
    }

    @Test
    void aForeignHeaderAt68MovesTheNewColumnsRightAndSaysSo() {
        Plan plan = ready(
                SheetFixture.v3().grid(1000, 68).header(67, "Observaciones").dataRows(1, 5));

        assertEquals(List.of("BQ", "BR", "BS", "BT", "BU"), letters(plan.added()));
        assertFalse(plan.positionsAsSpecified());
        assertEquals(73, plan.gridColumnsAfter());
    }

    @Test
    void trailingBlankHeadersAreReusedAndTheGridGrowsOnlyAsFarAsNeeded() {
        Plan plan = ready(SheetFixture.v3().grid(1000, 70).dataRows(1, 5));

        assertEquals(List.of("BP", "BQ", "BR", "BS", "BT"), letters(plan.added()));
        assertEquals(70, plan.gridColumnsBefore());
        assertEquals(72, plan.gridColumnsAfter());
    }

    @Test
    void aWiderGridIsNeverShrunk() {
        Plan plan = ready(SheetFixture.v3().grid(1000, 80).dataRows(1, 5));

        assertFalse(plan.growsGrid());
        assertEquals(80, plan.gridColumnsAfter());
    }

    @Test
    void headerOnlySheetGetsHeadersAndNoDefaults() {
        Plan plan = ready(SheetFixture.v3().grid(1, 67));

        assertEquals(5, plan.added().size());
        assertEquals(0, plan.dataRows());
        assertEquals(0, plan.cellsToInitialize());
        assertFalse(plan.isUpToDate());
    }

    @Test
    void valuesUnderABlankHeaderWhereAColumnWouldGoAreAConflictNamingTheCells() {
        List<Conflict> conflicts =
                refused(SheetFixture.v3().grid(1000, 70).dataRows(1, 10).filled(68, 5, 6));

        assertEquals(1, conflicts.size());
        assertEquals(Conflict.Kind.NON_EMPTY_CELLS, conflicts.get(0).kind());
        assertEquals(List.of("BQ6", "BQ7"), conflicts.get(0).cells());
        assertTrue(
                conflicts.get(0).message().contains("Uniones_ARM_Completadas"),
                conflicts.get(0).message());
    }

    @Test
    void valuesInABlankRowOfAnAppendColumnAreAConflictToo() {
        List<Conflict> conflicts =
                refused(SheetFixture.v3().grid(1000, 68).dataRows(1, 10).filled(67, 500, 500));

        assertEquals(List.of("BP501"), conflicts.get(0).cells());
    }

    @Test
    void emptyHeaderRowIsAConflict() {
        List<Conflict> conflicts =
                refused(SheetFixture.withHeader().grid(1000, 67).dataRows(1, 10));

        assertEquals(Conflict.Kind.NO_HEADER_ROW, conflicts.get(0).kind());
    }

    @Test
    void missingKeyColumnIsAConflict() {
        List<Conflict> conflicts = refused(SheetFixture.v3().dataRows(1, 10), "SPOOL_ID");

        assertEquals(
                List.of(Conflict.Kind.KEY_COLUMN_MISSING),
                conflicts.stream().map(Conflict::kind).collect(Collectors.toList()));
        assertTrue(conflicts.get(0).message().contains("KEY_COLUMN"));
    }

    @Test
    void aMetricColumnWhoseNameAppearsTwiceIsAConflict() {
        List<Conflict> conflicts = refused(SheetFixture.v3()
                .grid(1000, 70)
                .dataRows(1, 10)
                .header(67, "Total_Uniones")
                .header(69, "total uniones"));

        assertEquals(Conflict.Kind.DUPLICATE_HEADER, conflicts.get(0).kind());
        assertEquals(List.of("BP1", "BR1"), conflicts.get(0).cells());
    }

    @Test
    void aDuplicatedKeyColumnIsAConflict() {
        List<Conflict> conflicts =
                refused(SheetFixture.v3().grid(1000, 68).header(67, "Tag Spool").dataRows(1, 10));

        assertEquals(Conflict.Kind.DUPLICATE_HEADER, conflicts.get(0).kind());
        assertEquals(List.of("A1", "BP1"), conflicts.get(0).cells());
    }

    @Test
    void growingPastTenMillionCellsIsAConflict() {
        List<Conflict> conflicts = refused(SheetFixture.v3().grid(140_000, 67).dataRows(1, 10));

        assertEquals(Conflict.Kind.CELL_LIMIT, conflicts.get(0).kind());
        assertTrue(
                conflicts.get(0).message().contains("10,080,000"),
                conflicts.get(0).message());
    }

    @Test
    void growingToExactlyTenMillionCellsIsAllowedAndOneRowMoreIsNot() {
        assertEquals(80, ready(seventyFiveColumns(125_000)).gridColumnsAfter()); // 125,000 × 80 = 10,000,000

        assertEquals(
                List.of(Conflict.Kind.CELL_LIMIT),
                refused(seventyFiveColumns(125_001)).stream()
                        .map(Conflict::kind)
                        .collect(Collectors.toList()));
    }

    private static SheetFixture seventyFiveColumns(int rows) {
        SheetFixture sheet = SheetFixture.v3().grid(rows, 75).dataRows(1, 10);
        for (int c = 67; c < 75; c++) {
            sheet.header(c, "Extra_" + c);
        }
        return sheet;
    }

    @Test
    void allConflictsAreReportedTogether() {
        List<Conflict> conflicts = refused(
                SheetFixture.v3()
                        .grid(1000, 72)
                        .dataRows(1, 10)
                        .header(67, "Pulgadas_ARM")
                        .header(69, "pulgadas arm")
                        .filled(70, 3, 3),
                "SPOOL_ID");

        assertEquals(
                List.of(
                        Conflict.Kind.KEY_COLUMN_MISSING,
                        Conflict.Kind.DUPLICATE_HEADER,
                        Conflict.Kind.NON_EMPTY_CELLS),
                conflicts.stream().map(Conflict::kind).collect(Collectors.toList()));
    }

    private static final List<String> METADATA = DemoSpreadsheet.METADATA_HEADERS;
    private static final ColumnSpec N_UNION =
            new ColumnSpec("N_UNION", ColumnType.INTEGER, 11, Optional.of("Metadata_JSON"), OptionalInt.empty());

    private static SheetFixture metadata(String... extra) {
        List<String> header = new ArrayList<>(METADATA);
        header.addAll(List.of(extra));
        return SheetFixture.withHeader(header.toArray(String[]::new))
                .titled("Metadata")
                .grid(400, header.size())
                .dataRows(1, 300);
    }

    private static PlanResult planMetadata(SheetFixture sheet, List<ColumnSpec> specs, List<String> requires) {
        return Planner.plan(sheet.snapshot(), Optional.empty(), specs, requires);
    }

    private static Plan readyMetadata(SheetFixture sheet, List<ColumnSpec> specs) {
        PlanResult result = planMetadata(sheet, specs, METADATA);
        return assertInstanceOf(PlanResult.Ready.class, result, () -> "refused: " + result)
                .plan();
    }

    private static List<Conflict> refusedMetadata(SheetFixture sheet, List<ColumnSpec> specs, List<String> requires) {
        PlanResult result = planMetadata(sheet, specs, requires);
        return assertInstanceOf(PlanResult.Refused.class, result, () -> "planned: " + result)
                .conflicts();
    }

    @Test
    void aColumnAfterTheLastHeaderGoesRightAfterItAndTheGridGrowsByOne() {
        Plan plan = readyMetadata(metadata(), List.of(N_UNION));

        assertEquals(List.of("K"), letters(plan.added()));
        assertTrue(plan.positionsAsSpecified());
        assertEquals(10, plan.gridColumnsBefore());
        assertEquals(11, plan.gridColumnsAfter());
    }

    @Test
    void aColumnWithoutDefaultWritesItsHeaderOnlyAndNeedsNoKeyColumn() {
        Plan plan = readyMetadata(metadata(), List.of(N_UNION));

        assertEquals(0, plan.dataRows(), "no key: data rows are not looked for");
        assertEquals(0, plan.cellsToInitialize());
        assertEquals(1, plan.fills().size());
        assertTrue(plan.fills().get(0).writesHeader());
        assertEquals(0, plan.fills().get(0).defaultCells());
    }

    @Test
    void aColumnWithoutDefaultAlreadyThereLeavesNothingToDo() {
        Plan plan = readyMetadata(metadata("N_UNION").filled(10, 1, 50), List.of(N_UNION));

        assertTrue(plan.isUpToDate());
        assertTrue(plan.fills().isEmpty());
        assertEquals(List.of("K"), letters(plan.present()));
    }

    @Test
    void aColumnAfterAColumnAddedInTheSameRunFollowsIt() {
        ColumnSpec next =
                new ColumnSpec("N_UNION_2", ColumnType.INTEGER, 0, Optional.of("N_UNION"), OptionalInt.empty());

        Plan plan = readyMetadata(metadata(), List.of(N_UNION, next));

        assertEquals(List.of("K", "L"), letters(plan.added()));
    }

    @Test
    void aHeaderAfterTheAnchorLeavesNoRoomAndIsAConflictNamingItsCell() {
        List<Conflict> conflicts = refusedMetadata(metadata("Notas"), List.of(N_UNION), METADATA);

        assertEquals(1, conflicts.size(), conflicts::toString);
        assertEquals(Conflict.Kind.NO_ROOM_AFTER, conflicts.get(0).kind());
        assertEquals(List.of("K1"), conflicts.get(0).cells());
        assertTrue(
                conflicts.get(0).message().contains("'N_UNION' goes right after 'Metadata_JSON', in column K")
                        && conflicts.get(0).message().contains("K1 holds 'Notas'"),
                conflicts.get(0).message());
    }

    @Test
    void trailingBlankHeadersLeaveRoomAfterTheAnchor() {
        Plan plan = readyMetadata(metadata().grid(400, 26), List.of(N_UNION));

        assertEquals(List.of("K"), letters(plan.added()));
        assertEquals(26, plan.gridColumnsAfter(), "a wider grid is not grown");
        assertFalse(plan.growsGrid());
    }

    @Test
    void aMissingAnchorIsARequiredHeaderMissing() {
        List<String> header = new ArrayList<>(METADATA);
        header.remove("Metadata_JSON");
        SheetFixture sheet =
                SheetFixture.withHeader(header.toArray(String[]::new)).grid(400, 9);

        List<Conflict> conflicts = refusedMetadata(sheet, List.of(N_UNION), List.of());

        assertEquals(List.of(Conflict.Kind.REQUIRED_HEADER_MISSING), kinds(conflicts));
        assertTrue(
                conflicts.get(0).message().contains("no header 'Metadata_JSON'"),
                conflicts.get(0).message());
    }

    @Test
    void requiredHeadersMissingAreOneConflictNamingThemAll() {
        List<String> header = new ArrayList<>(METADATA);
        header.remove("Evento_Tipo");
        header.remove("Accion");
        SheetFixture sheet =
                SheetFixture.withHeader(header.toArray(String[]::new)).grid(400, 8);

        List<Conflict> conflicts = refusedMetadata(sheet, List.of(N_UNION), METADATA);

        assertEquals(List.of(Conflict.Kind.REQUIRED_HEADER_MISSING), kinds(conflicts));
        assertTrue(
                conflicts.get(0).message().contains("lacks Evento_Tipo, Accion in row 1"),
                conflicts.get(0).message());
    }

    @Test
    void requiredHeadersAreFoundByNormalizedNameAndNothingIsWrittenForThem() {
        PlanResult result = Planner.plan(
                SheetFixture.v3().dataRows(1, 10).snapshot(), Optional.of("TAG_SPOOL"), V4, List.of("tag spool", "OT"));

        assertInstanceOf(PlanResult.Ready.class, result, result::toString);
    }

    @Test
    void aValueUnderABlankHeaderWhereTheColumnWouldGoIsAConflict() {
        List<Conflict> conflicts =
                refusedMetadata(metadata().grid(400, 11).filled(10, 7, 7), List.of(N_UNION), METADATA);

        assertEquals(List.of(Conflict.Kind.NON_EMPTY_CELLS), kinds(conflicts));
        assertEquals(List.of("K8"), conflicts.get(0).cells());
    }

    private static List<Conflict.Kind> kinds(List<Conflict> conflicts) {
        return conflicts.stream().map(Conflict::kind).collect(Collectors.toList());
    }
}
