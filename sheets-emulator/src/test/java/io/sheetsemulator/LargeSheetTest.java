package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A production-sized sheet (138,000 x 67 grown to 72, about 10M cells), read and written the way the
 * function does. Prints timings; asserts only results.
 */
class LargeSheetTest extends EmulatorFixture {

    private static final int ROWS = 138_000;
    private static final String PRODUCT_MASK = "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),"
            + "data(startRow,startColumn,rowData(values(userEnteredValue))))";

    @Test
    void readsAColumnGrowsToSeventyTwoColumnsAndWritesSevenHundredThousandCells() throws Exception {
        long t0 = System.nanoTime();
        JsonArray rows = new JsonArray();
        for (int r = 0; r < ROWS; r++) {
            JsonArray row = new JsonArray();
            row.add("SP-" + r);
            row.add(r);
            row.add(r % 2 == 0);
            rows.add(row);
        }
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", "Operaciones");
        sheet.addProperty("rowCount", ROWS);
        sheet.addProperty("columnCount", 67);
        sheet.add("rows", rows);
        JsonArray sheetsJson = new JsonArray();
        sheetsJson.add(sheet);
        JsonObject seed = new JsonObject();
        seed.addProperty("spreadsheetId", "large");
        seed.add("sheets", sheetsJson);
        emu.seed(seed);
        long t1 = System.nanoTime();

        List<List<Object>> column = sheets.spreadsheets()
                .values()
                .get("large", "Operaciones!A2:A")
                .execute()
                .getValues();
        long t2 = System.nanoTime();
        assertEquals(ROWS - 1, column.size());
        assertEquals("SP-137999", column.get(ROWS - 2).get(0));

        sheets.spreadsheets()
                .batchUpdate(
                        "large",
                        new BatchUpdateSpreadsheetRequest()
                                .setRequests(List.of(new Request()
                                        .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                                                .setFields("gridProperties.columnCount")
                                                .setProperties(new SheetProperties()
                                                        .setSheetId(0)
                                                        .setGridProperties(new GridProperties().setColumnCount(72)))))))
                .execute();
        long tGrow = System.nanoTime();
        List<List<Object>> block = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            block.add(List.of("a" + r, "b", "c", "d", r));
        }
        sheets.spreadsheets()
                .values()
                .batchUpdate(
                        "large",
                        new BatchUpdateValuesRequest()
                                .setValueInputOption("RAW")
                                .setData(List.of(new ValueRange()
                                        .setRange("Operaciones!BP1:BT" + ROWS)
                                        .setValues(block))))
                .execute();
        long t3 = System.nanoTime();
        List<List<Object>> tail = sheets.spreadsheets()
                .values()
                .get("large", "Operaciones!BP" + ROWS + ":BT" + ROWS)
                .execute()
                .getValues();
        assertEquals(List.of(List.of("a137999", "b", "c", "d", "137999")), tail);

        long t4 = System.nanoTime();
        String grid = sheets.spreadsheets()
                .get("large")
                .setRanges(List.of("'Operaciones'!1:1", "'Operaciones'!A:A", "'Operaciones'!BP:BT"))
                .setIncludeGridData(true)
                .setFields(PRODUCT_MASK)
                .executeUnparsed()
                .parseAsString();
        long t5 = System.nanoTime();
        JsonArray blocks = JsonParser.parseString(grid)
                .getAsJsonObject()
                .getAsJsonArray("sheets")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("data");
        assertEquals(
                ROWS, blocks.get(1).getAsJsonObject().getAsJsonArray("rowData").size());
        JsonObject last = blocks.get(2)
                .getAsJsonObject()
                .getAsJsonArray("rowData")
                .get(ROWS - 1)
                .getAsJsonObject()
                .getAsJsonArray("values")
                .get(4)
                .getAsJsonObject();
        assertEquals("{\"userEnteredValue\":{\"numberValue\":137999}}", last.toString());
        System.out.printf(
                "LargeSheetTest: seed %d ms, read column %d ms, grow to 72 columns %d ms, write %d cells %d ms, "
                        + "grid read of header, A:A and BP:BT %d ms (%d chars); %s%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (tGrow - t2) / 1_000_000,
                ROWS * 5,
                (t3 - tGrow) / 1_000_000,
                (t5 - t4) / 1_000_000,
                grid.length(),
                emu.counters().toString().replace('\n', ' '));
    }
}
