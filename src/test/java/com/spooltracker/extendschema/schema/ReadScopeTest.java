package com.spooltracker.extendschema.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReadScopeTest {
    private static final List<ColumnSpec> V4 = SchemaV4.METRIC_COLUMNS;

    private static SortedSet<Integer> columns(Integer... indexes) {
        return new TreeSet<>(List.of(indexes));
    }

    private static ColumnMap v3(String... extra) {
        List<String> header = new ArrayList<>(SheetFixture.V3_HEADER);
        header.addAll(List.of(extra));
        return ColumnMap.of(header);
    }

    @Test
    void v3SheetWithAKnownGridNeedsTheKeyOnlyWhenTheGridEndsAtTheHeader() {
        assertEquals(columns(0), ReadScope.columnsToRead(v3(), "TAG_SPOOL", V4, 67));
    }

    @Test
    void spareGridColumnsWhereMetricsWouldGoAreRead() {
        assertEquals(columns(0, 67, 68), ReadScope.columnsToRead(v3(), "TAG_SPOOL", V4, 69));
        assertEquals(columns(0, 67, 68, 69, 70, 71), ReadScope.columnsToRead(v3(), "TAG_SPOOL", V4, 100));
    }

    @Test
    void withAnUnknownGridTheZoneStartsAtTheLastHeaderWhichSurelyExists() {
        assertEquals(columns(0, 66, 67, 68, 69, 70, 71), ReadScope.columnsToRead(v3(), "TAG_SPOOL", V4, -1));
    }

    @Test
    void presentMetricColumnsAreReadWhereverTheyAreAndOnlyMissingOnesNeedAZone() {
        ColumnMap header = v3("Total_Uniones", "uniones arm completadas");
        assertEquals(columns(0, 67, 68, 69, 70, 71), ReadScope.columnsToRead(header, "TAG_SPOOL", V4, 72));
        assertEquals(columns(0, 67, 68), ReadScope.columnsToRead(header, "TAG_SPOOL", V4, 69));
    }

    @Test
    void everyPositionOfAKeyOrMetricNameIsRead() {
        ColumnMap header = v3("Tag Spool", "Pulgadas_ARM", "Pulgadas ARM");
        assertEquals(columns(0, 67, 68, 69, 70, 71, 72, 73), ReadScope.columnsToRead(header, "TAG_SPOOL", V4, 74));
    }

    @Test
    void anEmptyHeaderNeedsNothingButTheHeader() {
        assertEquals(columns(), ReadScope.columnsToRead(ColumnMap.of(List.of()), "TAG_SPOOL", V4, 67));
    }

    @Test
    void presumedV3LayoutCoversWhatAV3AndAMigratedSheetNeed() {
        SortedSet<Integer> presumed = ReadScope.presumedV3Layout(V4);
        assertEquals(columns(0, 66, 67, 68, 69, 70, 71), presumed);
        assertEquals(true, presumed.containsAll(ReadScope.columnsToRead(v3(), "TAG_SPOOL", V4, 67)));
        ColumnMap migrated = v3(
                "Total_Uniones",
                "Uniones_ARM_Completadas",
                "Uniones_SOLD_Completadas",
                "Pulgadas_ARM",
                "Pulgadas_SOLD");
        assertEquals(true, presumed.containsAll(ReadScope.columnsToRead(migrated, "TAG_SPOOL", V4, 72)));
    }
}
