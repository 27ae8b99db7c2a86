package com.spooltracker.extendschema.soak;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A person editing the sheet by hand: rows inserted and deleted (in Operaciones and Uniones), columns
 * inserted, deleted or moved (metric columns included), headers renamed, formulas typed into metric
 * cells. Columns the function or the tracker cannot do without (the key, OT, the four of Uniones it reads,
 * the metric headers) are moved but never deleted or renamed: that would be a refusal, not a race.
 */
final class PersonEdits {
    private static final Set<String> KEPT = Set.of(
            TrackerSheets.KEY_HEADER,
            "OT",
            "DN_UNION",
            "ARM_FECHA_FIN",
            "SOL_FECHA_FIN",
            "Total_Uniones",
            "Uniones_ARM_Completadas",
            "Uniones_SOLD_Completadas",
            "Pulgadas_ARM",
            "Pulgadas_SOLD");

    static final String ROWS_MOVED = "rows of Operaciones moved";
    private static final String TYPED = "person typed ";

    private final SheetPair pair;
    private final Random random;
    private int added;

    PersonEdits(SheetPair pair, Random random) {
        this.pair = pair;
        this.random = random;
    }

    /**
     * One edit; what it did, or null when it found nothing to do.
     *
     * @param columnsAllowed false while a run adds columns: such a run writes by position once (accepted)
     */
    String act(View view, boolean columnsAllowed) {
        int kind = random.nextInt(columnsAllowed ? 8 : 3);
        return switch (kind) {
            case 0 -> insertRows(view);
            case 1 -> deleteRow(view);
            case 2 -> typeFormula(view);
            case 3 -> insertColumn(view);
            case 4 -> deleteColumn(view);
            case 5, 6 -> moveColumn(view);
            default -> renameHeader(view);
        };
    }

    /**
     * What an edit {@code act} described can do to a run it lands in, between the run's read and its write:
     * {@link #ROWS_MOVED} (a formula in a metric column moves under the write), or {@code "a formula typed
     * into Operaciones!BP4"} (the write can land on that cell); null for neither.
     */
    static String race(String account) {
        if (account == null) {
            return null;
        }
        if (account.matches("person (inserted|deleted) .* rows? of Operaciones.*")) {
            return ROWS_MOVED;
        }
        if (!account.startsWith(TYPED)) {
            return null;
        }
        String cell = account.substring(account.indexOf(" into ") + " into ".length(), account.indexOf(" ("));
        return typedInto(cell);
    }

    static String typedInto(String cell) {
        return "a formula typed into " + cell;
    }

    private String insertRows(View view) {
        boolean ops = random.nextInt(3) > 0;
        Grid grid = ops ? view.shadowOps() : view.uniones();
        int at = 1 + random.nextInt(Math.max(1, grid.usedRows()));
        int count = 1 + random.nextInt(2);
        pair.edit(EditRequests.insert(sheetId(ops), "ROWS", at, count));
        return "person inserted " + count + " blank rows of " + title(ops) + " before row " + (at + 1);
    }

    private String deleteRow(View view) {
        boolean ops = random.nextInt(3) > 0;
        Grid grid = ops ? view.shadowOps() : view.uniones();
        if (grid.usedRows() < 3 || grid.rowCount() < 3) {
            return null;
        }
        int at = 1 + random.nextInt(grid.usedRows() - 1);
        pair.edit(EditRequests.delete(sheetId(ops), "ROWS", at, 1));
        return "person deleted 1 row of " + title(ops) + " (row " + (at + 1) + ")";
    }

    private String typeFormula(View view) {
        if (!view.metricsSettled()) {
            return null;
        }
        Grid ops = view.shadowOps();
        int row = 1 + random.nextInt(Math.max(1, ops.usedRows() - 1));
        int column = ops.column(TrackerSheets.METRIC_HEADERS.get(random.nextInt(TrackerSheets.METRIC_HEADERS.size())));
        int ot = ops.column("OT");
        String formula = random.nextBoolean()
                ? "=COUNTIF(Uniones!$B:$B,$" + Grid.letters(ot) + (row + 1) + ")"
                : "=1+" + random.nextInt(3);
        String a1 = Grid.a1(row, column);
        pair.type(TrackerSheets.OPERACIONES + "!" + a1, List.of(List.of(formula)));
        return TYPED + formula + " into Operaciones!" + a1 + " (" + ops.header(column) + ")";
    }

    private String insertColumn(View view) {
        boolean ops = random.nextInt(4) > 0;
        Grid grid = ops ? view.shadowOps() : view.uniones();
        int at = random.nextInt(grid.headerWidth() + 1);
        pair.edit(EditRequests.insert(sheetId(ops), "COLUMNS", at, 1));
        String header = "Nota_" + (++added);
        pair.type(title(ops) + "!" + Grid.a1(0, at), List.of(List.of(header)));
        return "person inserted column " + header + " in " + title(ops) + " at " + Grid.letters(at);
    }

    private String deleteColumn(View view) {
        boolean ops = random.nextInt(4) > 0;
        Grid grid = ops ? view.shadowOps() : view.uniones();
        int column = random.nextInt(Math.max(1, grid.headerWidth()));
        String header = grid.header(column);
        if (KEPT.contains(header) || grid.columnCount() < 2) {
            return null;
        }
        pair.edit(EditRequests.delete(sheetId(ops), "COLUMNS", column, 1));
        return "person deleted column " + header + " of " + title(ops) + " (" + Grid.letters(column) + ")";
    }

    private String moveColumn(View view) {
        Grid ops = view.shadowOps();
        int width = ops.headerWidth();
        int from = random.nextInt(3) == 0
                ? ops.column(TrackerSheets.METRIC_HEADERS.get(random.nextInt(TrackerSheets.METRIC_HEADERS.size())))
                : random.nextInt(width);
        if (from < 0) {
            return null;
        }
        int to = random.nextInt(width + 1);
        if (to == from || to == from + 1) {
            return null;
        }
        pair.edit(EditRequests.move(TrackerSheets.OPERACIONES_ID, "COLUMNS", from, to));
        return "person moved column " + ops.header(from) + " of Operaciones from " + Grid.letters(from) + " to before "
                + Grid.letters(to);
    }

    private String renameHeader(View view) {
        Grid ops = view.shadowOps();
        int column = random.nextInt(Math.max(1, ops.headerWidth()));
        String header = ops.header(column);
        if (KEPT.contains(header) || header.isEmpty()) {
            return null;
        }
        String renamed = header + "_" + (++added);
        pair.type(TrackerSheets.OPERACIONES + "!" + Grid.a1(0, column), List.of(List.of(renamed)));
        return "person renamed header " + header + " of Operaciones (" + Grid.letters(column) + ") to " + renamed;
    }

    private static int sheetId(boolean ops) {
        return ops ? TrackerSheets.OPERACIONES_ID : TrackerSheets.UNIONES_ID;
    }

    private static String title(boolean ops) {
        return ops ? TrackerSheets.OPERACIONES : TrackerSheets.UNIONES;
    }
}
