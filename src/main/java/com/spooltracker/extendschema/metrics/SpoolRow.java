package com.spooltracker.extendschema.metrics;

import java.util.List;

/**
 * One data row of {@code Operaciones}: its 0-based sheet row, key (TAG_SPOOL), OT, and the current
 * cells of the five metric columns in {@code SchemaV4.METRIC_COLUMNS} order.
 */
public record SpoolRow(int row, String tag, Cell ot, List<Cell> metrics) {
    public SpoolRow {
        metrics = List.copyOf(metrics);
        if (metrics.size() != MetricColumns.COUNT) {
            throw new IllegalArgumentException(
                    "a spool has " + MetricColumns.COUNT + " metric cells, not " + metrics.size());
        }
    }
}
