package com.spooltracker.extendschema.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.migrations.AppliedMigration;
import com.spooltracker.extendschema.migrations.MigrationFile;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.migrations.SchemaHistory;
import com.spooltracker.extendschema.schema.ColumnLetters;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.SchemaV4;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds of the benchmark's spreadsheet: only an {@code Operaciones} sheet in the 67-column demo
 * layout (the tracker's: TAG_SPOOL in G), with {@code rows} data rows cycled from the demo's 300 spools
 * (each with its own key), its metric columns, once there, carrying the function's marks, and a grid
 * exactly one header row taller than the data; and the tracker's {@code Metadata} header (no event:
 * the benchmark audits nothing). A migrated state has {@code N_UNION} and the schema history, as a POST
 * leaves them.
 */
final class BenchSheet {
    static final String ID = "bench";
    static final String SHEET = "Operaciones";

    /** The state a benchmark run starts from. */
    enum State {
        /** v3.0: 67 columns, nothing migrated. */
        FRESH,
        /** v4.0: 72 columns, every data row has its metrics. */
        MIGRATED,
        /** Migrated, then 1% more rows appended by the shop without metrics (the total stays {@code rows}). */
        APPENDED
    }

    private static final List<JsonArray> TEMPLATES = templates();
    private static final int KEY = 6;
    private static final int FORMULA = 18;

    private BenchSheet() {}

    static JsonObject seed(int rows, State state) {
        int migratedRows = switch (state) {
            case FRESH -> 0;
            case MIGRATED -> rows;
            case APPENDED -> rows - appendedRows(rows);
        };
        int columns = state == State.FRESH
                ? SchemaV4.V3_COLUMN_COUNT
                : SchemaV4.V3_COLUMN_COUNT + SchemaV4.METRIC_COLUMNS.size();
        JsonArray data = new JsonArray(rows + 1);
        JsonArray header = new JsonArray();
        DemoSpreadsheet.OPERACIONES_HEADERS.forEach(header::add);
        if (state != State.FRESH) {
            SchemaV4.METRIC_COLUMNS.stream().map(ColumnSpec::header).forEach(header::add);
        }
        data.add(header);
        JsonPrimitive zero = new JsonPrimitive(SchemaV4.DEFAULT_VALUE);
        for (int i = 1; i <= rows; i++) {
            data.add(row(i, i <= migratedRows, zero));
        }
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", SHEET);
        sheet.addProperty("sheetId", 0);
        sheet.addProperty("rowCount", rows + 1);
        sheet.addProperty("columnCount", columns);
        sheet.addProperty("frozenRowCount", 1);
        sheet.add("rows", data);
        if (state != State.FRESH) {
            // The marks the function's first fill leaves on the metric columns: runs measure the steady state.
            JsonArray marks = new JsonArray();
            for (int m = 0; m < SchemaV4.METRIC_COLUMNS.size(); m++) {
                JsonObject mark = new JsonObject();
                mark.addProperty("metadataKey", "extendSchema.column");
                mark.addProperty("metadataValue", SchemaV4.METRIC_COLUMNS.get(m).header());
                mark.addProperty("column", ColumnLetters.of(SchemaV4.V3_COLUMN_COUNT + m));
                marks.add(mark);
            }
            sheet.add("developerMetadata", marks);
        }
        JsonArray sheets = new JsonArray();
        sheets.add(sheet);
        sheets.add(metadata(state != State.FRESH));
        JsonObject spreadsheet = new JsonObject();
        spreadsheet.addProperty("spreadsheetId", ID);
        spreadsheet.addProperty("title", "Tracker Spools - benchmark");
        spreadsheet.addProperty("locale", "es_CL");
        spreadsheet.addProperty("timeZone", "America/Santiago");
        spreadsheet.add("sheets", sheets);
        if (state != State.FRESH) {
            spreadsheet.add("developerMetadata", history());
        }
        return spreadsheet;
    }

    private static JsonObject metadata(boolean migrated) {
        JsonArray header = new JsonArray();
        DemoSpreadsheet.METADATA_HEADERS.forEach(header::add);
        if (migrated) {
            header.add("N_UNION");
        }
        JsonArray rows = new JsonArray();
        rows.add(header);
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", "Metadata");
        sheet.addProperty("sheetId", 1);
        sheet.addProperty("rowCount", 1000);
        sheet.addProperty("columnCount", header.size());
        sheet.add("rows", rows);
        return sheet;
    }

    /** The schema history a migrating POST records: one entry per shipped migration. */
    private static JsonArray history() {
        JsonArray entries = new JsonArray();
        int id = 1;
        for (MigrationFile file : Schema.shipped().files()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("metadataId", id++);
            entry.addProperty("metadataKey", SchemaHistory.KEY);
            entry.addProperty(
                    "metadataValue",
                    SchemaHistory.valueOf(new AppliedMigration(
                            file.version(),
                            file.description(),
                            file.script(),
                            file.checksum(),
                            "2026-01-01T00:00:00Z",
                            "bench",
                            AppliedMigration.APPLIED)));
            entry.addProperty("visibility", "DOCUMENT");
            entries.add(entry);
        }
        return entries;
    }

    static int appendedRows(int rows) {
        return Math.max(1, rows / 100);
    }

    /** Row {@code i} (1-based data row, sheet row i+1): a demo spool's cells, shared, with its own key and formula. */
    private static JsonArray row(int i, boolean migrated, JsonPrimitive zero) {
        JsonArray template = TEMPLATES.get((i - 1) % TEMPLATES.size());
        JsonArray row = new JsonArray(template.size() + SchemaV4.METRIC_COLUMNS.size());
        for (int c = 0; c < template.size(); c++) {
            row.add(template.get(c));
        }
        while (migrated && row.size() < SchemaV4.V3_COLUMN_COUNT) {
            row.add((JsonElement) null);
        }
        row.set(KEY, new JsonPrimitive(String.format("SP-%06d", i)));
        int sheetRow = i + 1;
        row.set(FORMULA, new JsonPrimitive("=N" + sheetRow + "*R" + sheetRow));
        if (migrated) {
            for (int m = 0; m < SchemaV4.METRIC_COLUMNS.size(); m++) {
                row.add(zero);
            }
        }
        return row;
    }

    private static List<JsonArray> templates() {
        JsonObject demo = DemoSpreadsheet.seed();
        for (JsonElement sheet : demo.getAsJsonArray("sheets")) {
            JsonObject s = sheet.getAsJsonObject();
            if (s.get("title").getAsString().equals(SHEET)) {
                List<JsonArray> rows = new ArrayList<>();
                JsonArray all = s.getAsJsonArray("rows");
                for (int r = 1; r < all.size(); r++) {
                    rows.add(all.get(r).getAsJsonArray());
                }
                return rows;
            }
        }
        throw new IllegalStateException("the demo spreadsheet has no " + SHEET + " sheet");
    }
}
