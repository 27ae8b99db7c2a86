package com.spooltracker.extendschema.soak;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Dumps;

/** One sheet of an emulator dump, read the way the soak needs it: by 0-based row and column, headers by name. */
record Grid(JsonObject sheet) {
    static Grid of(JsonObject dump, String title) {
        return new Grid(Dumps.sheet(dump, title));
    }

    int rowCount() {
        return sheet.get("rowCount").getAsInt();
    }

    int columnCount() {
        return sheet.get("columnCount").getAsInt();
    }

    /** Rows up to the last one holding a value. */
    int usedRows() {
        return Dumps.rows(sheet).size();
    }

    /** The widest used row. */
    int usedColumns() {
        int widest = 0;
        for (JsonElement row : Dumps.rows(sheet)) {
            widest = Math.max(widest, row.getAsJsonArray().size());
        }
        return widest;
    }

    /** The entered value (formula text, {@code {"computed":..}} for array output), JsonNull when empty. */
    JsonElement cell(int row, int column) {
        JsonElement cell = Dumps.cell(sheet, row, column);
        return cell == null ? JsonNull.INSTANCE : cell;
    }

    /** The first column whose row-1 cell is exactly {@code header}, or -1. */
    int column(String header) {
        JsonArray rows = Dumps.rows(sheet);
        if (rows.isEmpty()) {
            return -1;
        }
        JsonArray first = rows.get(0).getAsJsonArray();
        for (int c = 0; c < first.size(); c++) {
            JsonElement cell = first.get(c);
            if (cell.isJsonPrimitive() && cell.getAsString().equals(header)) {
                return c;
            }
        }
        return -1;
    }

    String header(int column) {
        JsonElement cell = cell(0, column);
        return cell.isJsonPrimitive() ? cell.getAsString() : "";
    }

    /** The last column whose header holds something, plus one. */
    int headerWidth() {
        JsonArray rows = Dumps.rows(sheet);
        if (rows.isEmpty()) {
            return 0;
        }
        JsonArray first = rows.get(0).getAsJsonArray();
        int width = first.size();
        while (width > 0 && Values.isEmpty(first.get(width - 1))) {
            width--;
        }
        return width;
    }

    static String a1(int row, int column) {
        return letters(column) + (row + 1);
    }

    /** The 0-based column of A1 letters ("A" is 0, "BP" is 67). */
    static int index(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
