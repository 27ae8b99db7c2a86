package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutMarksTest {
    private static final ColumnMap HEADER = ColumnMap.of(List.of("TAG_SPOOL", "OT", "NV", "x", "y", "z", "Plano"));

    @Test
    void onlyColumnsOutsideThePresumedPlacesWithoutAMarkThereGetOne() {
        LayoutMarks.Placement placement = LayoutMarks.missing(
                ColumnMarks.LAYOUT_KEY,
                7,
                HEADER,
                List.of(new ColumnAnchor(1, 11, "OT")),
                List.of("TAG_SPOOL", "OT", "NV", "Total_Uniones"),
                List.of(2, 6));

        assertEquals(List.of(new ColumnMarks.Mark(ColumnMarks.LAYOUT_KEY, 7, "TAG_SPOOL", 0)), placement.marks());
        assertEquals(List.of(), placement.stale());
    }

    @Test
    void aMarkLeftOnAnotherColumnIsReplaced() {
        LayoutMarks.Placement placement = LayoutMarks.missing(
                ColumnMarks.UNIONES_KEY, 3, HEADER, List.of(new ColumnAnchor(4, 12, "OT")), List.of("OT"), List.of());

        assertEquals(List.of(new ColumnMarks.Mark(ColumnMarks.UNIONES_KEY, 3, "OT", 1)), placement.marks());
        assertEquals(List.of(12), placement.stale());
    }

    @Test
    void aMarksIdIsFixedBySheetKeyAndHeaderAndTheWriteMarksIdIsUnchanged() {
        assertEquals(ColumnMarks.idOf(7, "Total_Uniones"), ColumnMarks.idOf(ColumnAnchor.KEY, 7, "total uniones"));
        assertEquals(
                ColumnMarks.idOf(ColumnMarks.LAYOUT_KEY, 7, "OT"),
                new ColumnMarks.Mark(ColumnMarks.LAYOUT_KEY, 7, "OT", 5).metadataId());
        assertEquals(false, ColumnMarks.idOf(ColumnMarks.LAYOUT_KEY, 7, "OT") == ColumnMarks.idOf(7, "OT"));
    }
}
