package com.spooltracker.extendschema.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;

/** Builds emulator seed JSON for spreadsheets shaped for one test. */
public final class Seed {
    private final JsonObject spreadsheet = new JsonObject();
    private final JsonArray sheets = new JsonArray();
    private JsonObject current;

    private Seed(String spreadsheetId) {
        spreadsheet.addProperty("spreadsheetId", spreadsheetId);
        spreadsheet.addProperty("title", "Test tracker");
        spreadsheet.add("sheets", sheets);
    }

    public static Seed spreadsheet(String spreadsheetId) {
        return new Seed(spreadsheetId);
    }

    /** Starts a sheet; the following calls fill it. */
    public Seed sheet(String title, int rowCount, int columnCount) {
        current = new JsonObject();
        current.addProperty("title", title);
        current.addProperty("rowCount", rowCount);
        current.addProperty("columnCount", columnCount);
        current.add("rows", new JsonArray());
        sheets.add(current);
        return this;
    }

    /** Makes the sheet titled {@code title} the one the following calls fill. */
    public Seed on(String title) {
        for (var sheet : sheets) {
            if (sheet.getAsJsonObject().get("title").getAsString().equals(title)) {
                current = sheet.getAsJsonObject();
                return this;
            }
        }
        throw new IllegalArgumentException("no sheet " + title);
    }

    public Seed row(int row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            cell(row, c, values.get(c));
        }
        return this;
    }

    /** Sets a cell, 0-based; null leaves it empty. */
    public Seed cell(int row, int column, Object value) {
        JsonArray rows = current.getAsJsonArray("rows");
        while (rows.size() <= row) {
            rows.add(new JsonArray());
        }
        JsonArray cells = rows.get(row).getAsJsonArray();
        while (cells.size() <= column) {
            cells.add(JsonNull.INSTANCE);
        }
        cells.set(column, json(value));
        return this;
    }

    /** Data rows 1..count (0-based rows), each with a key in column A and a few v3.0 values. */
    public Seed spools(int fromRow, int toRow) {
        for (int r = fromRow; r <= toRow; r++) {
            cell(r, 0, String.format("SP-%05d", r))
                    .cell(r, 1, 1000 + r % 7)
                    .cell(r, 65, 3)
                    .cell(r, 66, "EN_PROCESO");
        }
        return this;
    }

    public JsonObject build() {
        return spreadsheet.deepCopy();
    }

    /**
     * A cell that shows {@code value} but holds no entered value: what an array formula anchored
     * elsewhere writes into the cells it spills over.
     */
    public static JsonObject computed(Object value) {
        JsonObject cell = new JsonObject();
        cell.add("computed", json(value));
        return cell;
    }

    private static JsonElement json(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement element) {
            return element;
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        return new JsonPrimitive(value.toString());
    }
}
