package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The requests that put column marks and write through them, as the bytes Google receives. */
class ColumnMarksTest {
    @Test
    void aColumnIsWrittenFromRowOneWithJsonNullsForTheCellsLeftAlone() throws IOException {
        TreeMap<Integer, BigDecimal> numbers = new TreeMap<>();
        numbers.put(2, new BigDecimal("3"));
        numbers.put(4, new BigDecimal("4.50"));
        TreeSet<Integer> clears = new TreeSet<>(List.of(5));

        List<BatchUpdateValuesByDataFilterRequest> requests = ColumnMarks.writes(
                List.of(new ColumnMarks.MarkedCells(77, numbers, clears)), WriteRequests.MAX_BODY_BYTES);

        assertEquals(1, requests.size());
        JsonObject body = JsonParser.parseString(
                        GsonFactory.getDefaultInstance().toString(requests.get(0)))
                .getAsJsonObject();
        assertEquals("RAW", body.get("valueInputOption").getAsString());
        JsonObject data = body.getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals(
                77,
                data.getAsJsonObject("dataFilter")
                        .getAsJsonObject("developerMetadataLookup")
                        .get("metadataId")
                        .getAsInt());
        assertEquals("COLUMNS", data.get("majorDimension").getAsString());
        assertEquals(
                JsonParser.parseString("[[null,null,3,null,4.5,\"\"]]"),
                data.get("values"),
                "a Java null in a list would be dropped by the client and shift every later cell");
    }

    @Test
    void columnsAreKeptWholeAndBodiesStayUnderTheLimit() {
        List<ColumnMarks.MarkedCells> columns = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            TreeMap<Integer, BigDecimal> numbers = new TreeMap<>();
            for (int row = 1; row <= 20_000; row++) {
                numbers.put(row, new BigDecimal("123.45"));
            }
            columns.add(new ColumnMarks.MarkedCells(m + 1, numbers, new TreeSet<>()));
        }
        int limit = 300 * 1024;

        List<BatchUpdateValuesByDataFilterRequest> requests = ColumnMarks.writes(columns, limit);

        assertEquals(5, requests.stream().mapToInt(r -> r.getData().size()).sum());
        for (BatchUpdateValuesByDataFilterRequest request : requests) {
            assertTrue(
                    request.getData().size() == 1 || WriteRequests.bodyBytes(request) <= limit,
                    () -> WriteRequests.bodyBytes(request) + " bytes");
        }
        assertEquals(
                1, ColumnMarks.writes(columns, WriteRequests.MAX_BODY_BYTES).size());
    }

    @Test
    void aMarksIdIsFixedBySheetAndNormalizedHeaderSoNoRetryPutsTwo() {
        assertEquals(ColumnMarks.idOf(0, "Total_Uniones"), ColumnMarks.idOf(0, "total uniones"));
        assertNotEquals(ColumnMarks.idOf(0, "Total_Uniones"), ColumnMarks.idOf(0, "Pulgadas_ARM"));
        assertNotEquals(ColumnMarks.idOf(0, "Total_Uniones"), ColumnMarks.idOf(7, "Total_Uniones"));
        assertTrue(ColumnMarks.idOf(0, "Total_Uniones") > 0);
    }

    @Test
    void placingDeletesTheStaleMarksFirstThenCreatesEachOnItsColumn() {
        List<Request> requests =
                ColumnMarks.placing(0, List.of(new ColumnMarks.Place("Total_Uniones", 67)), List.of(9));

        assertEquals(
                9,
                requests.get(0)
                        .getDeleteDeveloperMetadata()
                        .getDataFilter()
                        .getDeveloperMetadataLookup()
                        .getMetadataId());
        var created = requests.get(1).getCreateDeveloperMetadata().getDeveloperMetadata();
        assertEquals(ColumnMarks.idOf(0, "Total_Uniones"), created.getMetadataId());
        assertEquals("extendSchema.column", created.getMetadataKey());
        assertEquals("Total_Uniones", created.getMetadataValue());
        assertEquals(67, created.getLocation().getDimensionRange().getStartIndex());
        assertEquals(68, created.getLocation().getDimensionRange().getEndIndex());
        assertEquals("COLUMNS", created.getLocation().getDimensionRange().getDimension());
    }
}
