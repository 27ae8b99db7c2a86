package com.spooltracker.extendschema.soak;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.EarlierLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tracker spreadsheets for the soak, as emulator seed JSON: {@code Operaciones} at v4.0 (67 + 5
 * metric columns) or v3.0 (67, so the first run migrates), in the tracker's layout (NV in B, OT in C,
 * TAG_SPOOL in G) or the demo's (TAG_SPOOL in A); {@code Uniones} in the tracker's 22-column Engineering
 * layout or the demo's; the odd values a refresh must survive.
 */
final class TrackerSheets {
    /** The five metric headers, spelled here rather than taken from the function's schema. */
    static final List<String> METRIC_HEADERS = List.of(
            "Total_Uniones", "Uniones_ARM_Completadas", "Uniones_SOLD_Completadas", "Pulgadas_ARM", "Pulgadas_SOLD");

    static final String KEY_HEADER = "TAG_SPOOL";
    static final String OPERACIONES = "Operaciones";
    static final String UNIONES = "Uniones";
    static final String METADATA = "Metadata";
    /** The function's own audit sheet (its default AUDIT_SHEET), which the oracle leaves aside. */
    static final String AUDIT = "extendSchema_log";

    static final int OPERACIONES_ID = 0;
    static final int UNIONES_ID = 1;
    static final int METADATA_ID = 2;

    /** Keys of this prefix are hidden by the number format {@code ;;;}: shown or not depends on who reads. */
    static final String HIDDEN_KEY_PREFIX = "SP-H";

    static final List<String> ENGINEERING_UNIONES = DemoSpreadsheet.UNIONES_HEADERS;

    private static final List<String> TRACKER_OPERACIONES = trackerLayout();
    private static final Object[] ODD_DIAMETERS = {1e20, 1e300, 1e15, 0.01, "N/A", "2,5", " 2.5 ", null, 0.125, 1.005};
    private static final double[] DIAMETERS = {0.75, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10, 12};

    /** What a generated spreadsheet is, for the account of a history. */
    record Shape(boolean v4, boolean trackerLayout, boolean engineeringUniones, int spools, int unions) {
        @Override
        public String toString() {
            return (v4 ? "v4.0" : "v3.0") + " Operaciones (" + (trackerLayout ? "tracker" : "demo") + " layout, "
                    + spools + " rows), Uniones (" + (engineeringUniones ? "Engineering 22-column" : "demo")
                    + " layout, " + unions + " unions)";
        }
    }

    /** A seed and what it is. */
    record Generated(JsonObject seed, Shape shape) {
        JsonObject seedAs(String spreadsheetId) {
            JsonObject copy = seed.deepCopy();
            copy.addProperty("spreadsheetId", spreadsheetId);
            return copy;
        }
    }

    private TrackerSheets() {}

    static Generated generate(Random random) {
        boolean v4 = random.nextInt(10) < 8;
        boolean trackerLayout = random.nextBoolean();
        boolean engineering = random.nextBoolean();
        List<String> opHeaders =
                new ArrayList<>(trackerLayout ? TRACKER_OPERACIONES : EarlierLayout.OPERACIONES_HEADERS);
        if (v4) {
            opHeaders.addAll(METRIC_HEADERS);
        }
        List<String> unHeaders = engineering ? ENGINEERING_UNIONES : EarlierLayout.UNIONES_HEADERS;
        int spools = 1 + random.nextInt(random.nextInt(8) == 0 ? 40 : 12);
        List<Object> ots = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            ots.add(otSpelling(random, 1200 + i));
        }

        JsonArray opRows = new JsonArray();
        opRows.add(row(opHeaders));
        JsonArray formats = new JsonArray();
        for (int r = 1; r <= spools; r++) {
            JsonArray row = blankRow(opHeaders.size());
            set(row, opHeaders, KEY_HEADER, key(random, r, formats, opHeaders.indexOf(KEY_HEADER)));
            set(row, opHeaders, "OT", random.nextInt(12) == 0 ? null : ots.get(random.nextInt(ots.size())));
            set(row, opHeaders, "NV", "NV-" + (100 + random.nextInt(9)));
            set(row, opHeaders, "version", 3);
            set(row, opHeaders, "Estado_Detalle", random.nextBoolean() ? "EN_PROCESO" : "PENDIENTE");
            if (v4) {
                for (String metric : METRIC_HEADERS) {
                    set(row, opHeaders, metric, metricCell(random, r, trackerLayout));
                }
            }
            opRows.add(row);
        }

        int unions = random.nextInt(random.nextInt(6) == 0 ? 60 : 20);
        JsonArray unRows = new JsonArray();
        unRows.add(row(unHeaders));
        for (int u = 1; u <= unions; u++) {
            JsonArray row = blankRow(unHeaders.size());
            set(row, unHeaders, "ID", "U-" + u);
            set(row, unHeaders, "ID_UNION", "U-" + u);
            set(row, unHeaders, "OT", unionOt(random, ots));
            set(row, unHeaders, "N_UNION", u);
            set(row, unHeaders, "DN_UNION", diameter(random));
            set(row, unHeaders, "TIPO_UNION", "BW");
            if (random.nextInt(3) > 0) {
                set(row, unHeaders, "ARM_FECHA_FIN", SimulatedTracker.timestamp(random));
                if (random.nextBoolean()) {
                    set(row, unHeaders, "SOL_FECHA_FIN", SimulatedTracker.timestamp(random));
                }
            } else if (random.nextInt(8) == 0) {
                set(row, unHeaders, "ARM_FECHA_FIN", " ");
            }
            unRows.add(row);
        }

        JsonArray sheets = new JsonArray();
        int opColumns = opHeaders.size() + (random.nextInt(6) == 0 ? 2 : 0);
        sheets.add(sheet(OPERACIONES, OPERACIONES_ID, spools + 2 + random.nextInt(8), opColumns, opRows, formats));
        sheets.add(
                sheet(UNIONES, UNIONES_ID, unions + 2 + random.nextInt(8), unHeaders.size(), unRows, new JsonArray()));
        if (random.nextInt(4) > 0) {
            JsonArray metaRows = new JsonArray();
            metaRows.add(row(DemoSpreadsheet.METADATA_HEADERS));
            sheets.add(sheet(
                    METADATA, METADATA_ID, 20, DemoSpreadsheet.METADATA_HEADERS.size() + 1, metaRows, new JsonArray()));
        }
        JsonObject seed = new JsonObject();
        seed.addProperty("spreadsheetId", "soak");
        seed.addProperty("title", "Tracker soak");
        seed.add("sheets", sheets);
        return new Generated(seed, new Shape(v4, trackerLayout, engineering, spools, unions));
    }

    /** The tracker's Operaciones layout: NV in B, OT in C, TAG_SPOOL in G, Ocupado_Por..Estado_Detalle at 64-67. */
    private static List<String> trackerLayout() {
        List<String> tail = List.of("Ocupado_Por", "Fecha_Ocupacion", "version", "Estado_Detalle");
        List<String> rest = new ArrayList<>(EarlierLayout.OPERACIONES_HEADERS);
        rest.removeAll(List.of("TAG_SPOOL", "OT", "NV"));
        rest.removeAll(tail);
        List<String> layout = new ArrayList<>();
        layout.add(rest.remove(0));
        layout.add("NV");
        layout.add("OT");
        layout.add(rest.remove(0));
        layout.add(rest.remove(0));
        layout.add(rest.remove(0));
        layout.add("TAG_SPOOL");
        layout.addAll(rest);
        layout.addAll(tail);
        if (layout.size() != 67) {
            throw new IllegalStateException("tracker layout has " + layout.size() + " columns");
        }
        return List.copyOf(layout);
    }

    /** One OT, spelled as a number, as text, padded or spaced: all one OT to the function. */
    private static Object otSpelling(Random random, int ot) {
        return switch (random.nextInt(5)) {
            case 0 -> String.valueOf(ot);
            case 1 -> " " + ot + " ";
            default -> ot;
        };
    }

    private static Object key(Random random, int row, JsonArray formats, int keyColumn) {
        return switch (random.nextInt(20)) {
            case 0 -> " ";
            case 1 -> "=\"\"";
            case 2 -> null;
            case 3 -> {
                JsonObject format = new JsonObject();
                format.addProperty("range", Grid.a1(row, keyColumn));
                format.addProperty("type", "NUMBER");
                format.addProperty("pattern", ";;;");
                formats.add(format);
                yield HIDDEN_KEY_PREFIX + row;
            }
            default -> String.format("SP-%04d", row);
        };
    }

    /** A metric cell of a v4.0 sheet: mostly a number (stale or right), sometimes a formula, array output or text. */
    private static Object metricCell(Random random, int row, boolean trackerLayout) {
        return switch (random.nextInt(30)) {
            case 0 -> "=COUNTIF(Uniones!$B:$B,$" + (trackerLayout ? "C" : "B") + (row + 1) + ")";
            case 1 -> computed(random.nextInt(4));
            case 2 -> "ver nota";
            case 3, 4, 5 -> null;
            default -> random.nextInt(4);
        };
    }

    private static JsonObject computed(int value) {
        JsonObject cell = new JsonObject();
        cell.addProperty("computed", value);
        return cell;
    }

    private static Object unionOt(Random random, List<Object> ots) {
        return switch (random.nextInt(25)) {
            case 0 -> "#N/A";
            case 1 -> "=1/0";
            case 2 -> null;
            case 3 -> " ";
            case 4 -> 9999;
            default -> ots.get(random.nextInt(ots.size()));
        };
    }

    static Object diameter(Random random) {
        return random.nextInt(8) == 0
                ? ODD_DIAMETERS[random.nextInt(ODD_DIAMETERS.length)]
                : DIAMETERS[random.nextInt(DIAMETERS.length)];
    }

    private static JsonObject sheet(String title, int id, int rows, int columns, JsonArray data, JsonArray formats) {
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", title);
        sheet.addProperty("sheetId", id);
        sheet.addProperty("rowCount", rows);
        sheet.addProperty("columnCount", columns);
        sheet.addProperty("frozenRowCount", 1);
        sheet.add("rows", data);
        sheet.add("formats", formats);
        return sheet;
    }

    private static JsonArray row(List<String> headers) {
        JsonArray row = new JsonArray();
        headers.forEach(row::add);
        return row;
    }

    private static JsonArray blankRow(int size) {
        JsonArray row = new JsonArray();
        for (int c = 0; c < size; c++) {
            row.add(JsonNull.INSTANCE);
        }
        return row;
    }

    private static void set(JsonArray row, List<String> headers, String header, Object value) {
        int column = headers.indexOf(header);
        if (column >= 0) {
            row.set(column, json(value));
        }
    }

    static JsonElement json(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement element) {
            return element;
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        return new JsonPrimitive(value.toString());
    }
}
