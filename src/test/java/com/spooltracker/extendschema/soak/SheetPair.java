package com.spooltracker.extendschema.soak;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.sheetsemulator.SheetsEmulator;
import java.util.List;

/**
 * The spreadsheet the function works on and its shadow, seeded identically in the same emulator. Every
 * edit of the tracker or of a person goes to both, through the emulator's test API (not counted as API
 * calls); only the function's own writes make them differ, so the shadow is what the sheet would hold had
 * the function written nothing.
 */
final class SheetPair {
    static final String REAL = "soak";
    static final String SHADOW = "soak-shadow";

    private final SheetsEmulator emulator;

    SheetPair(SheetsEmulator emulator) {
        this.emulator = emulator;
    }

    void seed(TrackerSheets.Generated generated) {
        emulator.seed(generated.seedAs(REAL));
        emulator.seed(generated.seedAs(SHADOW));
    }

    JsonObject real() {
        return emulator.dump(REAL);
    }

    JsonObject shadow() {
        return emulator.dump(SHADOW);
    }

    /** Typed values (USER_ENTERED) from {@code a1} (e.g. {@code Uniones!G5}), in both. */
    void type(String a1, List<List<Object>> rows) {
        emulator.setValues(REAL, a1, rows, true);
        emulator.setValues(SHADOW, a1, rows, true);
    }

    /** Structural edits (batchUpdate requests) applied as a person's edit, in both. */
    void edit(JsonArray requests) {
        emulator.edit(REAL, requests);
        emulator.edit(SHADOW, requests);
    }

    /** Only the shadow: to follow what a run legitimately did to the real sheet. */
    void editShadow(JsonArray requests) {
        emulator.edit(SHADOW, requests);
    }

    /**
     * The shadow takes {@code value} (seed-format cell JSON, JsonNull for empty) at a 0-based cell, by a
     * dump and a seed: the one way to empty a cell that shows array-formula output no typing can remove.
     */
    void setShadowCell(String sheet, int row, int column, JsonElement value) {
        JsonObject dump = emulator.dump(SHADOW);
        for (JsonElement s : dump.getAsJsonArray("sheets")) {
            JsonObject candidate = s.getAsJsonObject();
            if (!candidate.get("title").getAsString().equals(sheet)) {
                continue;
            }
            JsonArray rows = candidate.getAsJsonArray("rows");
            while (rows.size() <= row) {
                rows.add(new JsonArray());
            }
            JsonArray cells = rows.get(row).getAsJsonArray();
            while (cells.size() <= column) {
                cells.add(JsonNull.INSTANCE);
            }
            cells.set(column, value == null ? JsonNull.INSTANCE : value);
        }
        emulator.seed(dump);
    }

    void typeInShadow(String a1, List<List<Object>> rows, boolean userEntered) {
        emulator.setValues(SHADOW, a1, rows, userEntered);
    }
}
