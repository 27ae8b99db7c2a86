package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.PlanResult;
import com.spooltracker.extendschema.schema.Planner;
import com.spooltracker.extendschema.schema.SchemaV4;
import com.spooltracker.extendschema.schema.SheetFixture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WriteRequestsTest {
    private static Plan plan(SheetFixture sheet) {
        return ((PlanResult.Ready) Planner.plan(sheet.snapshot(), "TAG_SPOOL", SchemaV4.METRIC_COLUMNS)).plan();
    }

    private static List<String> ranges(List<BatchUpdateValuesRequest> requests) {
        return requests.stream()
                .flatMap(r -> r.getData().stream())
                .map(ValueRange::getRange)
                .collect(Collectors.toList());
    }

    @Test
    void freshMigrationSetsAnAbsoluteColumnCountAndOneFormatPerTypeRun() {
        BatchUpdateSpreadsheetRequest update = WriteRequests.gridAndFormats(
                        plan(SheetFixture.v3().dataRows(1, 300)))
                .orElseThrow();

        List<Request> requests = update.getRequests();
        assertEquals(3, requests.size());
        assertEquals(
                72,
                requests.get(0)
                        .getUpdateSheetProperties()
                        .getProperties()
                        .getGridProperties()
                        .getColumnCount());
        assertEquals(
                7, requests.get(0).getUpdateSheetProperties().getProperties().getSheetId());
        assertEquals(
                "gridProperties.columnCount",
                requests.get(0).getUpdateSheetProperties().getFields());
        assertEquals(null, requests.get(0).getAppendDimension());

        var integers = requests.get(1).getRepeatCell();
        assertEquals(67, integers.getRange().getStartColumnIndex());
        assertEquals(70, integers.getRange().getEndColumnIndex());
        assertEquals(1, integers.getRange().getStartRowIndex());
        assertEquals(null, integers.getRange().getEndRowIndex());
        assertEquals(
                "0", integers.getCell().getUserEnteredFormat().getNumberFormat().getPattern());
        assertEquals(
                "NUMBER",
                integers.getCell().getUserEnteredFormat().getNumberFormat().getType());
        var decimals = requests.get(2).getRepeatCell();
        assertEquals(70, decimals.getRange().getStartColumnIndex());
        assertEquals(72, decimals.getRange().getEndColumnIndex());
        assertEquals(
                "0.00",
                decimals.getCell().getUserEnteredFormat().getNumberFormat().getPattern());
        assertEquals("userEnteredFormat.numberFormat", decimals.getFields());
    }

    @Test
    void freshMigrationWritesHeadersAndDefaultsAsOneRectangle() {
        List<BatchUpdateValuesRequest> requests =
                WriteRequests.values(plan(SheetFixture.v3().dataRows(1, 300)), WriteRequests.MAX_BODY_BYTES);

        assertEquals(1, requests.size());
        assertEquals("USER_ENTERED", requests.get(0).getValueInputOption());
        assertEquals(List.of("'Operaciones'!BP1:BT301"), ranges(requests));
        List<List<Object>> values = requests.get(0).getData().get(0).getValues();
        assertEquals(
                List.of(
                        "Total_Uniones",
                        "Uniones_ARM_Completadas",
                        "Uniones_SOLD_Completadas",
                        "Pulgadas_ARM",
                        "Pulgadas_SOLD"),
                values.get(0));
        assertEquals(List.of(0, 0, 0, 0, 0), values.get(300));
        assertEquals(301, values.size());
    }

    @Test
    void blankRowsSplitTheRectangle() {
        List<BatchUpdateValuesRequest> requests = WriteRequests.values(
                plan(SheetFixture.v3().dataRows(1, 10).dataRows(20, 29)), WriteRequests.MAX_BODY_BYTES);

        assertEquals(List.of("'Operaciones'!BP1:BT11", "'Operaciones'!BP21:BT30"), ranges(requests));
    }

    @Test
    void columnsNeedingDifferentRowsGetTheirOwnRanges() {
        SheetFixture sheet = SheetFixture.v3()
                .grid(1000, 69)
                .dataRows(1, 100)
                .header(67, "Total_Uniones")
                .header(68, "Uniones_ARM_Completadas")
                .filled(67, 1, 100)
                .filled(68, 1, 50);
        Plan plan = plan(sheet);

        assertEquals(
                List.of("'Operaciones'!BQ52:BQ101", "'Operaciones'!BR1:BT101"),
                ranges(WriteRequests.values(plan, WriteRequests.MAX_BODY_BYTES)));
        BatchUpdateSpreadsheetRequest update =
                WriteRequests.gridAndFormats(plan).orElseThrow();
        assertEquals(
                72,
                update.getRequests()
                        .get(0)
                        .getUpdateSheetProperties()
                        .getProperties()
                        .getGridProperties()
                        .getColumnCount());
        assertEquals(
                69,
                update.getRequests().get(1).getRepeatCell().getRange().getStartColumnIndex(),
                "formats only for added columns");
    }

    @Test
    void healingRunNeedsNoStructuralUpdate() {
        SheetFixture sheet = SheetFixture.v3().grid(1000, 72).dataRows(1, 305);
        for (int i = 0; i < 5; i++) {
            sheet.header(67 + i, SchemaV4.METRIC_COLUMNS.get(i).header()).filled(67 + i, 1, 300);
        }
        Plan plan = plan(sheet);

        assertTrue(WriteRequests.gridAndFormats(plan).isEmpty());
        assertEquals(
                List.of("'Operaciones'!BP302:BT306"), ranges(WriteRequests.values(plan, WriteRequests.MAX_BODY_BYTES)));
    }

    @Test
    void sheetTitlesAreQuotedWithApostrophesDoubled() {
        List<BatchUpdateValuesRequest> requests = WriteRequests.values(
                plan(SheetFixture.v3().titled("Spool's Hoja 1").dataRows(1, 2)), WriteRequests.MAX_BODY_BYTES);

        assertEquals(List.of("'Spool''s Hoja 1'!BP1:BT3"), ranges(requests));
    }

    @Test
    void headerOnlySheetGetsHeadersButNoFormats() {
        Plan plan = plan(SheetFixture.v3().grid(1, 67));

        assertEquals(
                1,
                WriteRequests.gridAndFormats(plan).orElseThrow().getRequests().size());
        assertEquals(
                List.of("'Operaciones'!BP1:BT1"), ranges(WriteRequests.values(plan, WriteRequests.MAX_BODY_BYTES)));
    }

    @Test
    void largeWritesAreSplitIntoBodiesWithinTheLimitCoveringEveryCellOnce() {
        int limit = 64 * 1024;
        Plan plan = plan(SheetFixture.v3().grid(20_000, 67).dataRows(1, 9_000).dataRows(9_100, 19_999));
        List<BatchUpdateValuesRequest> requests = WriteRequests.values(plan, limit);

        assertTrue(requests.size() > 1, "requests: " + requests.size());
        Set<Integer> rows = new HashSet<>();
        int cells = 0;
        for (BatchUpdateValuesRequest request : requests) {
            assertTrue(WriteRequests.bodyBytes(request) <= limit, "body " + WriteRequests.bodyBytes(request));
            for (ValueRange range : request.getData()) {
                String[] corners =
                        range.getRange().substring("'Operaciones'!".length()).split(":");
                int first = Integer.parseInt(corners[0].substring(2));
                for (int row = 0; row < range.getValues().size(); row++) {
                    assertTrue(rows.add(first + row), "row written twice: " + (first + row));
                    cells += range.getValues().get(row).size();
                }
            }
        }
        assertEquals(1 + 9_000 + 10_900, rows.size());
        assertEquals(5 * rows.size(), cells);
    }

    @Test
    void aSheetAtTheCellLimitNeedsOneValuesRequestWithinTwoMegabytes() {
        Plan plan = plan(SheetFixture.v3().grid(138_000, 67).dataRows(1, 137_999));
        List<BatchUpdateValuesRequest> requests = WriteRequests.values(plan, WriteRequests.MAX_BODY_BYTES);

        assertEquals(1, requests.size());
        assertTrue(WriteRequests.bodyBytes(requests.get(0)) <= WriteRequests.MAX_BODY_BYTES);
    }
}
