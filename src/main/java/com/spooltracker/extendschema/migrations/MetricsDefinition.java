package com.spooltracker.extendschema.migrations;

import java.util.List;

/**
 * How the five metric columns are computed, as the schema declares it: which column of the migrated
 * sheet and of the unions sheet relate a spool to its unions, and which unions columns hold the
 * diameter and the ARM and SOLD completion dates.
 *
 * @param spoolKey the migrated sheet's header that joins (the tracker's v4.0 code joins on {@code OT})
 * @param unionKey the unions sheet's header it joins to
 */
public record MetricsDefinition(String spoolKey, String unionKey, String diameter, String armDone, String soldDone) {
    /** What the tracker's v4.0 application computes: per OT. */
    public static final MetricsDefinition BY_OT =
            new MetricsDefinition("OT", "OT", "DN_UNION", "ARM_FECHA_FIN", "SOL_FECHA_FIN");

    /** The unions columns read, in the order the computation takes them: key, diameter, ARM, SOLD. */
    public List<String> unionColumns() {
        return List.of(unionKey, diameter, armDone, soldDone);
    }
}
