package com.spooltracker.extendschema.schema;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the migration will do to one sheet. A value: printing it is the dry run; applying it is the
 * migration. Every write it implies is absolute (fixed cells, absolute column count), so applying
 * the same plan twice leaves the sheet as applying it once.
 */
public record Plan(
        String sheet,
        int sheetId,
        int rowCount,
        int headerWidthBefore,
        int gridColumnsBefore,
        int gridColumnsAfter,
        List<Placement> added,
        List<Placement> present,
        int dataRows,
        List<ColumnFill> fills) {

    public Plan {
        added = List.copyOf(added);
        present = List.copyOf(present);
        fills = List.copyOf(fills);
    }

    /** Every column the plan places: those present, then those it adds. */
    public List<Placement> placements() {
        return Stream.concat(present.stream(), added.stream()).toList();
    }

    public boolean isUpToDate() {
        return added.isEmpty() && cellsToInitialize() == 0;
    }

    public boolean growsGrid() {
        return gridColumnsAfter > gridColumnsBefore;
    }

    public int headerWidthAfter() {
        return headerWidthBefore + added.size();
    }

    public int cellsToInitialize() {
        return fills.stream().mapToInt(ColumnFill::defaultCells).sum();
    }

    /** False when a metric column is, or would land, somewhere other than its documented position (68–72). */
    public boolean positionsAsSpecified() {
        return added.stream().allMatch(Placement::asSpecified)
                && present.stream().allMatch(Placement::asSpecified);
    }
}
