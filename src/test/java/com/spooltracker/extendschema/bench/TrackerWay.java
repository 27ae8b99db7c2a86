package com.spooltracker.extendschema.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's way of keeping the metrics, done for every spool, for the benchmark to compare with:
 * read {@code Operaciones} and {@code Uniones} whole (values, as displayed), then, per spool, compute
 * its five metrics and write them with one {@code values.update}, as the tracker does after an event.
 * Not used by the function.
 */
final class TrackerWay {
    private final Sheets sheets;
    private final String spreadsheetId;
    private long largestBody;

    TrackerWay(String emulatorHostPort, String spreadsheetId) {
        this.sheets = new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), request -> {})
                .setRootUrl("http://" + emulatorHostPort + "/")
                .setApplicationName("tracker-way")
                .build();
        this.spreadsheetId = spreadsheetId;
    }

    long largestBody() {
        return largestBody;
    }

    /**
     * Writing 20,000 spools one request at a time takes the emulator many minutes, so only the first
     * {@code bench.trackerWrites} spools are written; the benchmark extrapolates from them.
     *
     * @return {@code APPLIED/<read millis>/<spools>/<spools written>}, or DRY_RUN (reads only)
     */
    String run(boolean dryRun) throws IOException {
        long started = System.nanoTime();
        int limit = Integer.getInteger("bench.trackerWrites", 500);
        List<List<Object>> operaciones = sheets.spreadsheets()
                .values()
                .get(spreadsheetId, "Operaciones")
                .execute()
                .getValues();
        List<List<Object>> uniones = sheets.spreadsheets()
                .values()
                .get(spreadsheetId, "Uniones")
                .execute()
                .getValues();
        List<Object> header = uniones.get(0);
        int ot = header.indexOf("OT");
        int dn = header.indexOf("DN_UNION");
        int arm = header.indexOf("ARM_FECHA_FIN");
        int sol = header.indexOf("SOL_FECHA_FIN");
        Map<String, BigDecimal[]> byOt = new HashMap<>();
        for (List<Object> row : uniones.subList(1, uniones.size())) {
            BigDecimal[] t = byOt.computeIfAbsent(text(row, ot), k -> new BigDecimal[] {
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
            });
            BigDecimal d = number(text(row, dn));
            t[0] = t[0].add(BigDecimal.ONE);
            if (!text(row, arm).isEmpty()) {
                t[1] = t[1].add(BigDecimal.ONE);
                t[3] = t[3].add(d);
            }
            if (!text(row, sol).isEmpty()) {
                t[2] = t[2].add(BigDecimal.ONE);
                t[4] = t[4].add(d);
            }
        }
        if (dryRun) {
            return "DRY_RUN";
        }
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        int written = 0;
        int spoolOt = operaciones.get(0).indexOf("OT");
        int metrics = operaciones.get(0).indexOf("Total_Uniones");
        for (int r = 1; r < operaciones.size() && written < limit; r++, written++) {
            BigDecimal[] t = byOt.get(text(operaciones.get(r), spoolOt));
            List<Object> values = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                values.add(t == null ? 0 : m < 3 ? t[m] : t[m].setScale(2, RoundingMode.HALF_UP));
            }
            String range = "Operaciones!" + com.spooltracker.extendschema.schema.ColumnLetters.of(metrics) + (r + 1)
                    + ":" + com.spooltracker.extendschema.schema.ColumnLetters.of(metrics + 4) + (r + 1);
            ValueRange body = new ValueRange().setValues(List.of(values));
            largestBody = Math.max(largestBody, GsonFactory.getDefaultInstance().toByteArray(body).length);
            sheets.spreadsheets()
                    .values()
                    .update(spreadsheetId, range, body)
                    .setValueInputOption("RAW")
                    .execute();
        }
        return "APPLIED/" + readMillis + "/" + (operaciones.size() - 1) + "/" + written;
    }

    private static String text(List<Object> row, int column) {
        return column < row.size() && row.get(column) != null
                ? row.get(column).toString().trim()
                : "";
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
