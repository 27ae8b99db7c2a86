package com.spooltracker.extendschema.metrics;

import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.SchemaV4;
import java.util.List;

/**
 * The headers the refresh looks up, by normalized name as the column map does: the join column in
 * both sheets, and the three {@code Uniones} columns the metrics are computed from.
 */
public final class MetricColumns {
    public static final List<ColumnSpec> METRICS = SchemaV4.METRIC_COLUMNS;
    public static final int COUNT = METRICS.size();

    /** Operaciones.OT and Uniones.OT: the foreign key the tracker uses. */
    public static final String OT = "OT";

    public static final String DN_UNION = "DN_UNION";
    public static final String ARM_FECHA_FIN = "ARM_FECHA_FIN";
    public static final String SOL_FECHA_FIN = "SOL_FECHA_FIN";
    /** The Uniones columns read, in the order {@link UnionRow} takes them. */
    public static final List<String> UNIONES = List.of(OT, DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN);

    /**
     * Where the tracker has Operaciones' OT column (C): read, with {@link #OPERACIONES_KEY_PRESUMED},
     * when a run can read it neither by the cache nor by its marks; confirmed by the header.
     */
    public static final int OPERACIONES_OT_PRESUMED = 2;

    /** Where the tracker has Operaciones' key column, TAG_SPOOL (G). */
    public static final int OPERACIONES_KEY_PRESUMED = 6;

    /**
     * Where the tracker's 22-column Uniones layout has them (B, D, G, J): read when the cache holds a
     * layout without them; confirmed by the header.
     */
    public static final List<Integer> UNIONES_PRESUMED = List.of(1, 3, 6, 9);

    private MetricColumns() {}
}
