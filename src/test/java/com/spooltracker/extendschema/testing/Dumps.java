package com.spooltracker.extendschema.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reading the emulator's JSON dumps in tests. */
public final class Dumps {
    private Dumps() {}

    public static JsonObject sheet(JsonObject dump, String title) {
        for (JsonElement sheet : dump.getAsJsonArray("sheets")) {
            if (sheet.getAsJsonObject().get("title").getAsString().equals(title)) {
                return sheet.getAsJsonObject();
            }
        }
        throw new AssertionError("no sheet '" + title + "' in " + dump.get("spreadsheetId"));
    }

    public static JsonArray rows(JsonObject sheet) {
        return sheet.has("rows") ? sheet.getAsJsonArray("rows") : new JsonArray();
    }

    /** The user-entered value at 0-based row and column, JsonNull when empty. */
    public static JsonElement cell(JsonObject sheet, int row, int column) {
        JsonArray rows = rows(sheet);
        if (row >= rows.size()) {
            return JsonNull.INSTANCE;
        }
        JsonArray cells = rows.get(row).getAsJsonArray();
        return column < cells.size() ? cells.get(column) : JsonNull.INSTANCE;
    }

    public static boolean isEmpty(JsonElement cell) {
        return cell == null
                || cell.isJsonNull()
                || cell.isJsonPrimitive() && cell.getAsString().isEmpty();
    }

    /** The sheet's rows cut to their first {@code columns} cells, trailing empties dropped, as text for comparison. */
    public static List<String> columnsUpTo(JsonObject sheet, int columns) {
        List<String> out = new ArrayList<>();
        for (JsonElement row : rows(sheet)) {
            JsonArray cells = row.getAsJsonArray();
            JsonArray cut = new JsonArray();
            for (int c = 0; c < Math.min(columns, cells.size()); c++) {
                cut.add(cells.get(c));
            }
            while (!cut.isEmpty() && isEmpty(cut.get(cut.size() - 1))) {
                cut.remove(cut.size() - 1);
            }
            out.add(cut.toString());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).equals("[]")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** 0-based rows below the header whose column {@code keyColumn} holds a value. */
    public static List<Integer> dataRows(JsonObject sheet, int keyColumn) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 1; r < rows(sheet).size(); r++) {
            if (!isEmpty(cell(sheet, r, keyColumn))) {
                rows.add(r);
            }
        }
        return rows;
    }

    public static List<String> header(JsonObject sheet) {
        List<String> header = new ArrayList<>();
        if (rows(sheet).isEmpty()) {
            return header;
        }
        for (JsonElement cell : rows(sheet).get(0).getAsJsonArray()) {
            header.add(isEmpty(cell) ? "" : cell.getAsString());
        }
        return header;
    }

    /** A copy of the dump without one sheet, to compare the rest. */
    public static JsonObject without(JsonObject dump, String title) {
        JsonObject copy = dump.deepCopy();
        JsonArray sheets = new JsonArray();
        for (JsonElement sheet : copy.getAsJsonArray("sheets")) {
            if (!sheet.getAsJsonObject().get("title").getAsString().equals(title)) {
                sheets.add(sheet);
            }
        }
        copy.add("sheets", sheets);
        return copy;
    }

    /**
     * A copy of {@code dump} without the layout marks on its sheets' columns (developer metadata a
     * cold run puts where a column is not where the tracker has it): no cell, and nothing a person sees.
     */
    public static JsonObject withoutLayoutMarks(JsonObject dump) {
        JsonObject copy = dump.deepCopy();
        for (JsonElement sheet : copy.getAsJsonArray("sheets")) {
            JsonArray metadata = sheet.getAsJsonObject().getAsJsonArray("developerMetadata");
            if (metadata == null) {
                continue;
            }
            JsonArray kept = new JsonArray();
            for (JsonElement m : metadata) {
                String key = m.getAsJsonObject().get("metadataKey").getAsString();
                if (!key.equals("extendSchema.layoutColumn") && !key.equals("extendSchema.unionesColumn")) {
                    kept.add(m);
                }
            }
            if (kept.isEmpty()) {
                sheet.getAsJsonObject().remove("developerMetadata");
            } else {
                sheet.getAsJsonObject().add("developerMetadata", kept);
            }
        }
        return copy;
    }

    /** Non-empty cells of {@code before}, in any of its sheets, that no longer hold the same value in {@code after}. */
    public static int changedCells(JsonObject before, JsonObject after) {
        int changed = 0;
        for (JsonElement element : before.getAsJsonArray("sheets")) {
            JsonObject was = element.getAsJsonObject();
            JsonObject is = sheet(after, was.get("title").getAsString());
            JsonArray rows = rows(was);
            for (int r = 0; r < rows.size(); r++) {
                JsonArray cells = rows.get(r).getAsJsonArray();
                for (int c = 0; c < cells.size(); c++) {
                    if (!isEmpty(cells.get(c)) && !cells.get(c).equals(cell(is, r, c))) {
                        changed++;
                    }
                }
            }
        }
        return changed;
    }
}
