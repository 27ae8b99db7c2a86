package com.spooltracker.extendschema.schema;

import java.util.BitSet;

/**
 * The cells one metric column needs written: its header (when the column is being added) and the
 * default value in each listed row (0-based sheet rows; data rows whose cell is empty).
 */
public record ColumnFill(Placement placement, boolean writesHeader, BitSet rows) {
    public ColumnFill {
        rows = (BitSet) rows.clone();
    }

    @Override
    public BitSet rows() {
        return (BitSet) rows.clone();
    }

    public int defaultCells() {
        return rows.cardinality();
    }

    public boolean isEmpty() {
        return !writesHeader && rows.isEmpty();
    }
}
