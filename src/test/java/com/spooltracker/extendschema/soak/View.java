package com.spooltracker.extendschema.soak;

import com.google.gson.JsonObject;

/**
 * The sheet and its shadow as an edit finds them, read from fresh dumps.
 *
 * @param metricsSettled both have the five metric headers, at the same columns: the tracker and a person
 *     may write metric cells by column name (not while a run is adding the columns to one of them)
 */
record View(Grid realOps, Grid shadowOps, Grid uniones, boolean metricsSettled) {
    static View of(SheetPair pair) {
        JsonObject real = pair.real();
        JsonObject shadow = pair.shadow();
        Grid realOps = Grid.of(real, TrackerSheets.OPERACIONES);
        Grid shadowOps = Grid.of(shadow, TrackerSheets.OPERACIONES);
        return new View(realOps, shadowOps, Grid.of(shadow, TrackerSheets.UNIONES), settled(realOps, shadowOps));
    }

    private static boolean settled(Grid real, Grid shadow) {
        for (String metric : TrackerSheets.METRIC_HEADERS) {
            int column = shadow.column(metric);
            if (column < 0 || column != real.column(metric)) {
                return false;
            }
        }
        return real.columnCount() == shadow.columnCount();
    }
}
