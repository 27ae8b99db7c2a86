package com.spooltracker.extendschema.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMapTest {
    @Test
    void withAddedIsTheLayoutTheSheetHasOnceTheAddedHeadersAreWritten() {
        ColumnMap before = ColumnMap.of(List.of("TAG_SPOOL", "OT", "Total_Uniones", "", ""));
        List<Placement> added = List.of(
                new Placement(SchemaV4.METRIC_COLUMNS.get(1), 3),
                new Placement(SchemaV4.METRIC_COLUMNS.get(2), 4),
                new Placement(SchemaV4.METRIC_COLUMNS.get(3), 5));

        ColumnMap after = before.withAdded(added);

        assertTrue(
                after.sameLayoutAs(ColumnMap.of(List.of(
                        "TAG_SPOOL",
                        "OT",
                        "Total_Uniones",
                        "Uniones_ARM_Completadas",
                        "Uniones_SOLD_Completadas",
                        "Pulgadas_ARM"))),
                after::toString);
        assertEquals(6, after.width());
        assertEquals(3, before.width(), "the original is unchanged");
    }

    @Test
    void withNothingAddedIsTheSameLayout() {
        ColumnMap before = ColumnMap.of(List.of("TAG_SPOOL", "OT"));

        assertTrue(before.withAdded(List.of()).sameLayoutAs(before));
    }
}
