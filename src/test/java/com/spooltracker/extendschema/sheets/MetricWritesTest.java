package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.metrics.DriftReport.CellChange;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricWritesTest {
    private static CellChange change(int row, int column, String value) {
        return new CellChange(row, column, new BigDecimal(value));
    }

    @Test
    void onlyTheChangedCellsAsRowRunsAndRectangles() {
        List<BatchUpdateValuesRequest> requests = MetricWrites.of(
                "Operaciones",
                List.of(
                        change(5, 67, "3"),
                        change(5, 68, "2"),
                        change(5, 70, "4.50"),
                        change(1, 67, "1"),
                        change(1, 68, "0"),
                        change(2, 67, "7"),
                        change(2, 68, "1.0"),
                        change(9, 71, "0.25")),
                WriteRequests.MAX_BODY_BYTES);

        assertEquals(1, requests.size());
        assertEquals("RAW", requests.get(0).getValueInputOption());
        List<ValueRange> data = requests.get(0).getData();
        assertEquals(
                List.of(
                        "'Operaciones'!BP2:BQ3",
                        "'Operaciones'!BP6:BQ6",
                        "'Operaciones'!BS6:BS6",
                        "'Operaciones'!BT10:BT10"),
                data.stream().map(ValueRange::getRange).toList());
        assertEquals(List.of(List.of(1L, 0L), List.of(7L, 1L)), data.get(0).getValues());
        assertEquals(
                List.of(List.of(4.5)), data.get(2).getValues(), "non-integral values as the double the sheet stores");
    }

    @Test
    void aFreshSheetIsFewRangesAndEveryBodyStaysUnderTheLimit() {
        List<CellChange> changes = new ArrayList<>();
        for (int row = 1; row <= 20_000; row++) {
            for (int column = 67; column < 72; column++) {
                changes.add(change(row, column, column < 70 ? "12" : "123.45"));
            }
        }
        int limit = 64 * 1024;
        List<BatchUpdateValuesRequest> requests = MetricWrites.of("Operaciones", changes, limit);

        int cells = 0;
        for (BatchUpdateValuesRequest request : requests) {
            assertTrue(WriteRequests.bodyBytes(request) <= limit, () -> WriteRequests.bodyBytes(request) + " bytes");
            for (ValueRange range : request.getData()) {
                cells += range.getValues().stream().mapToInt(List::size).sum();
            }
        }
        assertEquals(100_000, cells);
        assertTrue(requests.size() < 40, requests.size() + " requests");
        assertEquals(
                1,
                MetricWrites.of("Operaciones", changes, WriteRequests.MAX_BODY_BYTES)
                        .size());
    }

    @Test
    void valueColumnsReadsABatchGetAnswerColumnByColumnWithExactNumbers() throws Exception {
        String answer = "{\"spreadsheetId\":\"s\",\"valueRanges\":["
                + "{\"range\":\"Uniones!A1:Q1\",\"majorDimension\":\"COLUMNS\",\"values\":[[\"ID\"],[\"OT\"],[],[\"DN\"]]},"
                + "{\"range\":\"Uniones!B2:B1000\",\"majorDimension\":\"COLUMNS\",\"values\":[[1204,\" 7 \",\"\",true,2.50,null]]},"
                + "{\"range\":\"Uniones!E2:E1000\",\"majorDimension\":\"COLUMNS\"}]}";

        List<List<List<Object>>> ranges = ValueColumns.read(new StringReader(answer));

        assertEquals(3, ranges.size());
        assertEquals(List.of(List.of("ID"), List.of("OT"), List.of(), List.of("DN")), ranges.get(0));
        assertEquals(
                Arrays.asList(new BigDecimal("1204"), " 7 ", "", true, new BigDecimal("2.50"), null),
                ranges.get(1).get(0));
        assertEquals(List.of(), ranges.get(2));
    }
}
