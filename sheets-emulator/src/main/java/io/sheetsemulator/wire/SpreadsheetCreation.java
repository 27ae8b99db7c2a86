package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.SeedFormat;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.model.Spreadsheet;
import io.sheetsemulator.model.Workbook;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** spreadsheets.create: properties and empty sheets only; ids are {@code created-1}, {@code created-2}, ... */
final class SpreadsheetCreation {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private SpreadsheetCreation() {}

    static JsonObject create(Workbook workbook, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        String id;
        do {
            id = "created-" + NEXT.getAndIncrement();
        } while (workbook.contains(id));
        JsonObject properties = request.has("properties") ? request.getAsJsonObject("properties") : new JsonObject();
        JsonObject seed = new JsonObject();
        seed.addProperty("spreadsheetId", id);
        seed.addProperty(
                "title", properties.has("title") ? properties.get("title").getAsString() : "Untitled spreadsheet");
        JsonArray sheets = new JsonArray();
        JsonArray requested = request.has("sheets") ? request.getAsJsonArray("sheets") : new JsonArray();
        for (JsonElement element : requested) {
            JsonObject p = element.getAsJsonObject().has("properties")
                    ? element.getAsJsonObject().getAsJsonObject("properties")
                    : new JsonObject();
            JsonObject sheet = new JsonObject();
            sheet.addProperty("title", p.has("title") ? p.get("title").getAsString() : "Sheet" + (sheets.size() + 1));
            if (p.has("sheetId")) {
                sheet.add("sheetId", p.get("sheetId"));
            }
            JsonObject grid = p.has("gridProperties") ? p.getAsJsonObject("gridProperties") : new JsonObject();
            for (String key : List.of("rowCount", "columnCount", "frozenRowCount")) {
                if (grid.has(key)) {
                    sheet.add(key, grid.get(key));
                }
            }
            sheets.add(sheet);
        }
        if (sheets.isEmpty()) {
            JsonObject sheet = new JsonObject();
            sheet.addProperty("title", "Sheet1");
            sheets.add(sheet);
        }
        seed.add("sheets", sheets);
        Spreadsheet spreadsheet;
        try {
            spreadsheet = SeedFormat.read(seed);
        } catch (IllegalArgumentException e) {
            throw SheetsError.invalid(e.getMessage().replaceFirst("^seed: ", ""));
        }
        workbook.put(spreadsheet);
        synchronized (spreadsheet.lock()) {
            return SpreadsheetJson.render(spreadsheet, List.of(), false);
        }
    }
}
