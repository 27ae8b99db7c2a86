package com.spooltracker.extendschema.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.Config;
import java.util.ArrayList;
import java.util.List;

/** Reading the emulator's JSON dumps in tests. */
public final class Dumps {
    /** The sheet the function audits to by default: its own, created by the first run that writes. */
    public static final String AUDIT = Config.DEFAULT_AUDIT_SHEET;
    /** The audit sheet's header row. */
    public static final List<String> AUDIT_HEADER = List.of("Timestamp", "Event", "Action", "Identity", "Details_JSON");

    private Dumps() {}

    /** Whether the dump has a sheet of that title. */
    public static boolean hasSheet(JsonObject dump, String title) {
        for (JsonElement sheet : dump.getAsJsonArray("sheets")) {
            if (sheet.getAsJsonObject().get("title").getAsString().equals(title)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy of the dump with an empty audit sheet (its header row only), as any run that wrote leaves
     * it: for tests of a spreadsheet's steady state, where the audit sheet's creation (once per
     * spreadsheet) is not what is counted.
     */
    public static JsonObject withAuditSheet(JsonObject dump) {
        JsonObject copy = dump.deepCopy();
        JsonObject audit = new JsonObject();
        audit.addProperty("title", AUDIT);
        audit.addProperty("rowCount", 1);
        audit.addProperty("columnCount", AUDIT_HEADER.size());
        JsonArray header = new JsonArray();
        AUDIT_HEADER.forEach(header::add);
        JsonArray rows = new JsonArray();
        rows.add(header);
        audit.add("rows", rows);
        copy.getAsJsonArray("sheets").add(audit);
        return copy;
    }

    /** The rows of the audit sheet below its header; none when the spreadsheet has no audit sheet yet. */
    public static JsonArray auditRows(JsonObject dump) {
        JsonArray below = new JsonArray();
        if (!hasSheet(dump, AUDIT)) {
            return below;
        }
        JsonArray rows = rows(sheet(dump, AUDIT));
        for (int r = 1; r < rows.size(); r++) {
            below.add(rows.get(r));
        }
        return below;
    }

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
    /**
     * The dump without sheet {@code title}, and without the schema history (the spreadsheet's developer
     * metadata under {@code extendSchema.history}, whose ids and times differ from run to run; tests that
     * care read it with {@link #historyVersions}).
     */
    public static JsonObject without(JsonObject dump, String title) {
        JsonObject copy = withoutHistory(dump);
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
     * The dump with sheet {@code Metadata} as it was before its v4.0 migration, when it has had it: the
     * {@code N_UNION} column (its cells, its number format) and the grid width left out, so that a test
     * can check every other cell of it is untouched. Apply it to both dumps compared.
     */
    public static JsonObject withoutNUnion(JsonObject dump) {
        JsonObject copy = dump.deepCopy();
        for (JsonElement element : copy.getAsJsonArray("sheets")) {
            JsonObject sheet = element.getAsJsonObject();
            if (!sheet.get("title").getAsString().equals("Metadata")) {
                continue;
            }
            sheet.remove("columnCount");
            List<String> header = header(sheet);
            int column = header.indexOf("N_UNION");
            if (column < 0) {
                continue;
            }
            for (JsonElement row : rows(sheet)) {
                JsonArray cells = row.getAsJsonArray();
                if (cells.size() > column) {
                    cells.remove(column);
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isJsonNull()) {
                    cells.remove(cells.size() - 1);
                }
            }
            if (sheet.has("formats")) {
                JsonArray kept = new JsonArray();
                String letter = String.valueOf((char) ('A' + column));
                for (JsonElement format : sheet.getAsJsonArray("formats")) {
                    if (!format.getAsJsonObject().get("range").getAsString().startsWith(letter)) {
                        kept.add(format);
                    }
                }
                sheet.add("formats", kept);
            }
        }
        return copy;
    }

    /** The dump without the spreadsheet's schema history entries. */
    public static JsonObject withoutHistory(JsonObject dump) {
        JsonObject copy = dump.deepCopy();
        if (copy.has("developerMetadata")) {
            JsonArray kept = new JsonArray();
            for (JsonElement m : copy.getAsJsonArray("developerMetadata")) {
                if (!"extendSchema.history"
                        .equals(m.getAsJsonObject().get("metadataKey").getAsString())) {
                    kept.add(m);
                }
            }
            if (kept.isEmpty()) {
                copy.remove("developerMetadata");
            } else {
                copy.add("developerMetadata", kept);
            }
        }
        return copy;
    }

    /** The versions the schema history records (each once, however many entries), in order. */
    public static java.util.SortedSet<String> historyVersions(JsonObject dump) {
        java.util.SortedSet<String> versions = new java.util.TreeSet<>();
        if (dump.has("developerMetadata")) {
            for (JsonElement m : dump.getAsJsonArray("developerMetadata")) {
                JsonObject entry = m.getAsJsonObject();
                if ("extendSchema.history".equals(entry.get("metadataKey").getAsString())) {
                    versions.add(com.google.gson.JsonParser.parseString(
                                    entry.get("metadataValue").getAsString())
                            .getAsJsonObject()
                            .get("version")
                            .getAsString());
                }
            }
        }
        return versions;
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
