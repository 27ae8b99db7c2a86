package com.spooltracker.extendschema.soak;

import com.google.gson.JsonElement;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The tracker application at work, as its v4.0 code writes: spools and unions appended after the last
 * row, arm and weld completions as text {@code DD-MM-YYYY HH:MM:SS} (USER_ENTERED), a spool's metric
 * cells written by column name after an event. Every write goes to the sheet and its shadow.
 */
final class SimulatedTracker {
    private final SheetPair pair;
    private final Random random;
    private int appended;

    SimulatedTracker(SheetPair pair, Random random) {
        this.pair = pair;
        this.random = random;
    }

    /** One event; what it did, or null when it found nothing to do. */
    String act(View view) {
        return switch (random.nextInt(6)) {
            case 0 -> appendSpool(view);
            case 1 -> appendUnion(view);
            case 2 -> complete(view, "ARM_FECHA_FIN", null);
            case 3 -> complete(view, "SOL_FECHA_FIN", "ARM_FECHA_FIN");
            default -> writeMetrics(view);
        };
    }

    private String appendSpool(View view) {
        Grid ops = view.shadowOps();
        int row = Math.max(view.realOps().usedRows(), ops.usedRows());
        grow(TrackerSheets.OPERACIONES_ID, row, ops.rowCount());
        String key = String.format("SP-N%03d", ++appended);
        Object ot = someOt(view);
        typeAt(TrackerSheets.OPERACIONES, ops, row, TrackerSheets.KEY_HEADER, key);
        typeAt(TrackerSheets.OPERACIONES, ops, row, "OT", ot);
        typeAt(TrackerSheets.OPERACIONES, ops, row, "NV", "NV-" + (100 + random.nextInt(9)));
        typeAt(TrackerSheets.OPERACIONES, ops, row, "version", 4);
        typeAt(TrackerSheets.OPERACIONES, ops, row, "Estado_Detalle", "PENDIENTE");
        if (view.metricsSettled() && random.nextBoolean()) {
            for (String metric : TrackerSheets.METRIC_HEADERS) {
                typeAt(TrackerSheets.OPERACIONES, ops, row, metric, 0);
            }
            return "tracker appended spool " + key + " (OT " + ot + ") with zero metrics at Operaciones row "
                    + (row + 1);
        }
        return "tracker appended spool " + key + " (OT " + ot + ") at Operaciones row " + (row + 1);
    }

    private String appendUnion(View view) {
        Grid uniones = view.uniones();
        int row = uniones.usedRows();
        grow(TrackerSheets.UNIONES_ID, row, uniones.rowCount());
        Object ot = someOt(view);
        Object dn = TrackerSheets.diameter(random);
        String id = "U-N" + (++appended);
        typeAt(TrackerSheets.UNIONES, uniones, row, "ID", id);
        typeAt(TrackerSheets.UNIONES, uniones, row, "ID_UNION", id);
        typeAt(TrackerSheets.UNIONES, uniones, row, "OT", ot);
        typeAt(TrackerSheets.UNIONES, uniones, row, "N_UNION", row);
        typeAt(TrackerSheets.UNIONES, uniones, row, "DN_UNION", dn);
        return "tracker appended union " + id + " (OT " + ot + ", DN " + dn + ") at Uniones row " + (row + 1);
    }

    /** Fills {@code column} of a union whose {@code column} is blank (and whose {@code after} is set). */
    private String complete(View view, String column, String after) {
        Grid uniones = view.uniones();
        int target = uniones.column(column);
        int before = after == null ? -1 : uniones.column(after);
        if (target < 0) {
            return null;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int r = 1; r < uniones.usedRows(); r++) {
            if (Values.isEmpty(uniones.cell(r, target)) && (before < 0 || !Values.isEmpty(uniones.cell(r, before)))) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int row = candidates.get(random.nextInt(candidates.size()));
        String when = timestamp(random);
        pair.type(TrackerSheets.UNIONES + "!" + Grid.a1(row, target), List.of(List.of(when)));
        return "tracker set " + column + " of Uniones row " + (row + 1) + " to " + when;
    }

    /** What the v4.0 tracker writes after an event: the spool's five metrics, by column name. */
    private String writeMetrics(View view) {
        if (!view.metricsSettled()) {
            return null;
        }
        Grid ops = view.shadowOps();
        List<ExpectedMetrics.Row> expected =
                ExpectedMetrics.of(view.realOps().sheet(), view.uniones().sheet(), TrackerSheets.KEY_HEADER);
        List<ExpectedMetrics.Row> spools = expected.stream()
                .filter(r -> Values.showsKey(ops.cell(r.row(), ops.column(TrackerSheets.KEY_HEADER))))
                .toList();
        if (spools.isEmpty()) {
            return null;
        }
        ExpectedMetrics.Row spool = spools.get(random.nextInt(spools.size()));
        for (int m = 0; m < TrackerSheets.METRIC_HEADERS.size(); m++) {
            BigDecimal value = spool.values().get(m);
            typeAt(TrackerSheets.OPERACIONES, ops, spool.row(), TrackerSheets.METRIC_HEADERS.get(m), value);
        }
        return "tracker wrote the metrics of " + spool.tag() + " " + spool.values() + " at Operaciones row "
                + (spool.row() + 1);
    }

    private Object someOt(View view) {
        List<JsonElement> ots = new ArrayList<>();
        Grid ops = view.shadowOps();
        int column = ops.column("OT");
        for (int r = 1; r < ops.usedRows() && column >= 0; r++) {
            JsonElement ot = ops.cell(r, column);
            if (!Values.isEmpty(ot) && ot.isJsonPrimitive()) {
                ots.add(ot);
            }
        }
        if (ots.isEmpty() || random.nextInt(6) == 0) {
            return 1300 + random.nextInt(5);
        }
        JsonElement ot = ots.get(random.nextInt(ots.size()));
        return ot.getAsJsonPrimitive().isNumber() ? (Object) ot.getAsBigDecimal() : ot.getAsString();
    }

    private void typeAt(String sheet, Grid grid, int row, String header, Object value) {
        int column = grid.column(header);
        if (column >= 0 && value != null) {
            pair.type(sheet + "!" + Grid.a1(row, column), List.of(List.of(value)));
        }
    }

    private void grow(int sheetId, int row, int rowCount) {
        if (row >= rowCount) {
            pair.edit(EditRequests.append(sheetId, "ROWS", row - rowCount + 5));
        }
    }

    static String timestamp(Random random) {
        return String.format(
                "%02d-%02d-2026 %02d:%02d:%02d",
                1 + random.nextInt(28),
                1 + random.nextInt(12),
                random.nextInt(24),
                random.nextInt(60),
                random.nextInt(60));
    }
}
