package com.spooltracker.extendschema.schema;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, from a snapshot alone, what the migration must do. Pure: no I/O, no clock.
 *
 * <p>Each metric column is <em>present</em> (its normalized header exists once), <em>to add</em>
 * (appended after the last non-empty header, in schema order) or a conflict. Data rows are rows
 * below the header whose key column shows a non-blank value; each empty metric cell of a data row
 * gets the default value. A cell is empty only when it has neither an entered nor a displayed value,
 * so array-formula output is never written over. Anything that would put existing data at risk is a conflict, and a plan with
 * conflicts is refused as a whole.
 */
public final class Planner {
    /** Google's limit on cells per spreadsheet, across all its sheets. */
    public static final long CELL_LIMIT = 10_000_000L;

    private static final int CELLS_NAMED_AT_MOST = 20;

    private Planner() {}

    public static PlanResult plan(SheetSnapshot sheet, String keyColumn, List<ColumnSpec> specs) {
        return plan(sheet, Optional.of(keyColumn), specs, List.of());
    }

    /**
     * @param keyColumn the header whose non-blank cells mark data rows; needed (and checked) only when a
     *     column has a default value
     * @param requires headers that must already be in row 1; nothing is written for them
     */
    public static PlanResult plan(
            SheetSnapshot sheet, Optional<String> keyColumn, List<ColumnSpec> specs, List<String> requires) {
        ColumnMap header = sheet.columns();
        if (header.isEmpty()) {
            return new PlanResult.Refused(List.of(new Conflict(
                    Conflict.Kind.NO_HEADER_ROW,
                    "Sheet '" + sheet.title() + "' has no header row (row 1 is empty). "
                            + "Restore its headers in row 1, then run again.",
                    List.of())));
        }
        List<Conflict> conflicts = new ArrayList<>();
        List<String> missing = requires.stream()
                .filter(name -> header.positionsOf(name).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            conflicts.add(new Conflict(
                    Conflict.Kind.REQUIRED_HEADER_MISSING,
                    "Sheet '" + sheet.title() + "' lacks " + String.join(", ", missing)
                            + " in row 1, which its migration requires. Restore "
                            + (missing.size() == 1 ? "that header" : "those headers") + ", then run again.",
                    List.of()));
        }
        boolean needsKey = specs.stream().anyMatch(ColumnSpec::hasDefault);
        List<Integer> keyPositions = keyColumn.map(header::positionsOf).orElse(List.of());
        if (needsKey) {
            checkKeyColumn(sheet.title(), keyColumn.orElse("(none)"), keyPositions, conflicts);
        }

        List<Placement> present = new ArrayList<>();
        List<Placement> added = new ArrayList<>();
        int next = header.width();
        ColumnMap after = header;
        for (ColumnSpec spec : specs) {
            List<Integer> positions = header.positionsOf(spec.header());
            if (positions.size() > 1) {
                conflicts.add(
                        duplicateHeader(spec.header(), positions, "v3.0 and v4.0 lookups by name would be ambiguous"));
            } else if (positions.size() == 1) {
                present.add(new Placement(spec, positions.get(0)));
            } else {
                Placement placement = new Placement(spec, next++);
                noRoomAfter(sheet.title(), after, placement).ifPresent(conflicts::add);
                added.add(placement);
                after = after.withAdded(List.of(placement));
            }
        }
        for (Placement placement : added) {
            BitSet filled = sheet.filledRows(placement.index());
            if (!filled.isEmpty()) {
                conflicts.add(nonEmptyCells(placement, filled));
            }
        }
        int gridColumnsAfter = Math.max(sheet.columnCount(), next);
        long cellsAfter = (long) sheet.rowCount() * gridColumnsAfter;
        if (cellsAfter > CELL_LIMIT) {
            conflicts.add(new Conflict(
                    Conflict.Kind.CELL_LIMIT,
                    String.format(
                            "Growing sheet '%s' to %d columns would make it %,d cells (%,d rows × %d columns), above "
                                    + "Google's limit of %,d cells per spreadsheet. Delete unused rows or columns, then run again.",
                            sheet.title(),
                            gridColumnsAfter,
                            cellsAfter,
                            sheet.rowCount(),
                            gridColumnsAfter,
                            CELL_LIMIT),
                    List.of()));
        }
        if (!conflicts.isEmpty()) {
            return new PlanResult.Refused(conflicts);
        }

        BitSet dataRows = needsKey ? sheet.shownRows(keyPositions.get(0)) : new BitSet();
        dataRows.clear(0);
        List<ColumnFill> fills = new ArrayList<>();
        for (Placement placement : present) {
            if (placement.spec().hasDefault()) {
                BitSet empty = (BitSet) dataRows.clone();
                empty.andNot(sheet.filledRows(placement.index()));
                fills.add(new ColumnFill(placement, false, empty));
            }
        }
        for (Placement placement : added) {
            fills.add(new ColumnFill(placement, true, placement.spec().hasDefault() ? dataRows : new BitSet()));
        }
        fills.removeIf(ColumnFill::isEmpty);
        return new PlanResult.Ready(new Plan(
                sheet.title(),
                sheet.sheetId(),
                sheet.rowCount(),
                header.width(),
                sheet.columnCount(),
                gridColumnsAfter,
                added,
                present,
                dataRows.cardinality(),
                fills));
    }

    /**
     * Google's cell limit counts every sheet of the spreadsheet, and Google refuses (atomically) a grid
     * update that would pass it. A dry run writes nothing, so it must judge the same rule itself.
     *
     * @param otherSheetsCells the cells of every other sheet of the spreadsheet
     */
    public static Optional<Conflict> workbookCellLimit(Plan plan, long otherSheetsCells) {
        long sheetAfter = (long) plan.rowCount() * plan.gridColumnsAfter();
        long total = otherSheetsCells + sheetAfter;
        if (!plan.growsGrid() || total <= CELL_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new Conflict(
                Conflict.Kind.CELL_LIMIT,
                String.format(
                        "Growing sheet '%s' to %d columns would make the spreadsheet %,d cells (this sheet %,d, its other "
                                + "sheets %,d), above Google's limit of %,d cells per spreadsheet, so Google would refuse it. "
                                + "Delete unused rows, columns or sheets, then run again.",
                        plan.sheet(), plan.gridColumnsAfter(), total, sheetAfter, otherSheetsCells, CELL_LIMIT),
                List.of()));
    }

    /**
     * A column declared to follow a header goes right after it; it is appended after the last header,
     * so that header must be the last one (inserting a column would shift the others and could not be
     * sent twice safely).
     */
    private static Optional<Conflict> noRoomAfter(String title, ColumnMap header, Placement placement) {
        if (placement.spec().after().isEmpty()) {
            return Optional.empty();
        }
        String anchor = placement.spec().after().get();
        List<Integer> positions = header.positionsOf(anchor);
        if (positions.isEmpty()) {
            return Optional.of(new Conflict(
                    Conflict.Kind.REQUIRED_HEADER_MISSING,
                    "Sheet '" + title + "' has no header '" + anchor + "', which '"
                            + placement.spec().header() + "' must follow. Restore it, then run again.",
                    List.of()));
        }
        int wanted = positions.get(positions.size() - 1) + 1;
        if (wanted == placement.index()) {
            return Optional.empty();
        }
        String cell = ColumnLetters.of(wanted) + "1";
        return Optional.of(new Conflict(
                Conflict.Kind.NO_ROOM_AFTER,
                "'" + placement.spec().header() + "' goes right after '" + anchor + "', in column "
                        + ColumnLetters.of(wanted) + " of sheet '" + title + "', but " + cell + " holds '"
                        + header.headerAt(wanted) + "'. Move the columns after '" + anchor
                        + "' to the right of the last one, then run again: nothing was written.",
                List.of(cell)));
    }

    private static void checkKeyColumn(
            String title, String keyColumn, List<Integer> positions, List<Conflict> conflicts) {
        if (positions.isEmpty()) {
            conflicts.add(new Conflict(
                    Conflict.Kind.KEY_COLUMN_MISSING,
                    "Key column '" + keyColumn + "' is not in row 1 of sheet '" + title + "'; it tells data rows "
                            + "from blank ones. Restore that header, or set KEY_COLUMN to the header of the spool id column.",
                    List.of()));
        } else if (positions.size() > 1) {
            conflicts.add(duplicateHeader(keyColumn, positions, "the key column must be unique to tell data rows"));
        }
    }

    private static Conflict duplicateHeader(String name, List<Integer> positions, String why) {
        List<String> cells =
                positions.stream().map(i -> ColumnLetters.of(i) + "1").collect(Collectors.toList());
        return new Conflict(
                Conflict.Kind.DUPLICATE_HEADER,
                "Header '" + name + "' appears " + positions.size() + " times (" + String.join(", ", cells) + "); "
                        + why + ". Remove or rename the extra column, then run again.",
                cells);
    }

    private static Conflict nonEmptyCells(Placement placement, BitSet filled) {
        List<String> cells = new ArrayList<>();
        for (int row = filled.nextSetBit(0);
                row >= 0 && cells.size() < CELLS_NAMED_AT_MOST;
                row = filled.nextSetBit(row + 1)) {
            cells.add(placement.letter() + (row + 1));
        }
        int count = filled.cardinality();
        String named = String.join(", ", cells) + (count > cells.size() ? ", …" : "");
        return new Conflict(
                Conflict.Kind.NON_EMPTY_CELLS,
                String.format(
                        "Column %s, where '%s' would be added, already holds %d value%s under a blank header (%s). "
                                + "Move or clear them, or give that column a header, then run again.",
                        placement.letter(), placement.spec().header(), count, count == 1 ? "" : "s", named),
                cells);
    }
}
