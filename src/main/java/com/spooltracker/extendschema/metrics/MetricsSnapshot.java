package com.spooltracker.extendschema.metrics;

import java.util.List;

/**
 * What the refresh knows of both sheets: the data rows of {@code operaciones} with their OT and
 * metric cells, the metric columns' 0-based positions (SchemaV4 order), and the union rows of
 * {@code uniones} with the positions of its OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN columns.
 */
public record MetricsSnapshot(
        String operaciones,
        List<Integer> metricColumns,
        List<SpoolRow> spools,
        String uniones,
        List<Integer> unionesColumns,
        List<UnionRow> unions) {

    public MetricsSnapshot {
        metricColumns = List.copyOf(metricColumns);
        unionesColumns = List.copyOf(unionesColumns);
        spools = List.copyOf(spools);
        unions = List.copyOf(unions);
        if (metricColumns.size() != MetricColumns.COUNT || unionesColumns.size() != MetricColumns.UNIONES.size()) {
            throw new IllegalArgumentException(
                    "metric columns " + metricColumns + ", Uniones columns " + unionesColumns);
        }
    }
}
