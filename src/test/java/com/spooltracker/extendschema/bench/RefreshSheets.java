package com.spooltracker.extendschema.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import java.math.BigDecimal;
import java.util.List;

/**
 * The refresh benchmark's spreadsheet: {@code Operaciones} migrated (72 columns) with {@code spools}
 * data rows (two spools per OT) in the tracker's layout (OT in C, TAG_SPOOL in G), and {@code Uniones}
 * with {@code unions} rows in the tracker's 22-column layout, spread evenly over the OTs, some armed,
 * some welded. The metric cells hold the right
 * figures, except, with {@code drift}, in 1 % of the spools, whose Total_Uniones is one too high.
 */
final class RefreshSheets {
    static final String ID = BenchSheet.ID;

    private static final double[] DIAMETERS = {0.75, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10, 12};

    private RefreshSheets() {}

    /** Spools that drift: every hundredth. */
    static int drifting(int spools, boolean drift) {
        return drift ? spools / 100 : 0;
    }

    static JsonObject seed(int spools, int unions, boolean drift) {
        int ots = Math.max(1, spools / 2);
        long[][] totals = new long[ots][3];
        BigDecimal[][] inches = new BigDecimal[ots][2];
        JsonArray uniones = new JsonArray(unions + 1);
        JsonArray header = new JsonArray();
        DemoSpreadsheet.UNIONES_HEADERS.forEach(header::add);
        uniones.add(header);
        for (int u = 0; u < unions; u++) {
            int ot = u % ots;
            int n = u / ots;
            boolean armed = (n + ot) % 3 != 0;
            boolean welded = armed && (n + ot) % 3 == 1;
            double dn = DIAMETERS[(u * 7) % DIAMETERS.length];
            // The 22-column layout the tracker documents for its Engineering team; the audit columns left empty.
            JsonArray row = new JsonArray(18);
            row.add("U-" + u);
            row.add(1000 + ot);
            row.add(n + 1);
            row.add(dn);
            row.add(u % 3 == 0 ? "SW" : "BW");
            row.add(45700.375 + n);
            row.add(armed ? new JsonPrimitive(45700.5 + n) : JsonNull.INSTANCE);
            row.add(armed ? "Juan Pérez (10)" : null);
            row.add(armed ? new JsonPrimitive(45702.375 + n) : JsonNull.INSTANCE);
            row.add(welded ? new JsonPrimitive(45702.5 + n) : JsonNull.INSTANCE);
            row.add(welded ? "María González (11)" : null);
            row.add(dn >= 4 ? "RT" : null);
            row.add(dn >= 4 ? "RT-" + u : null);
            row.add(u + 1);
            row.add(String.format("SP-%06d", 2 * ot + 1));
            row.add((JsonElement) null);
            row.add(dn >= 4 ? "PENDIENTE" : null);
            row.add(1 + (armed ? 1 : 0) + (welded ? 1 : 0));
            uniones.add(row);
            totals[ot][0]++;
            if (inches[ot][0] == null) {
                inches[ot][0] = BigDecimal.ZERO;
                inches[ot][1] = BigDecimal.ZERO;
            }
            if (armed) {
                totals[ot][1]++;
                inches[ot][0] = inches[ot][0].add(BigDecimal.valueOf(dn));
            }
            if (welded) {
                totals[ot][2]++;
                inches[ot][1] = inches[ot][1].add(BigDecimal.valueOf(dn));
            }
        }
        JsonObject spreadsheet = BenchSheet.seed(spools, BenchSheet.State.MIGRATED);
        JsonObject operaciones = spreadsheet.getAsJsonArray("sheets").get(0).getAsJsonObject();
        JsonArray rows = operaciones.getAsJsonArray("rows");
        int every = drift ? 100 : Integer.MAX_VALUE;
        for (int i = 1; i <= spools; i++) {
            int ot = (i - 1) / 2 % ots;
            JsonArray row = rows.get(i).getAsJsonArray();
            row.set(2, new JsonPrimitive(1000 + ot));
            long[] t = totals[ot];
            BigDecimal[] in = inches[ot][0] == null ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO} : inches[ot];
            List<Object> metrics = List.of(t[0] + (i % every == 0 ? 1 : 0), t[1], t[2], in[0], in[1]);
            for (int m = 0; m < 5; m++) {
                Object value = metrics.get(m);
                row.set(
                        67 + m,
                        value instanceof BigDecimal d
                                ? new JsonPrimitive(d.stripTrailingZeros())
                                : new JsonPrimitive((Long) value));
            }
        }
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", "Uniones");
        sheet.addProperty("rowCount", unions + 1);
        sheet.addProperty("columnCount", DemoSpreadsheet.UNIONES_HEADERS.size());
        sheet.addProperty("frozenRowCount", 1);
        sheet.add("rows", uniones);
        spreadsheet.getAsJsonArray("sheets").add(sheet);
        return spreadsheet;
    }
}
