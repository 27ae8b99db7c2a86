package com.spooltracker.extendschema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the audit rows earlier versions of this function wrote into the tracker's {@code Metadata}
 * sheet, before the trail moved to a sheet of its own ({@link AuditLog}): rows whose {@code Evento_Tipo}
 * is {@code SCHEMA_MIGRATION} or {@code METRICS_REFRESH} and whose {@code Worker_Nombre} is
 * {@code extendSchema}. The tracker warns on each of them when it reads its events. Pure: the caller
 * reads the two columns (e.g. {@code SheetsGateway.readValues} of {@code ValuesRange.column}, which
 * drops the header cell) and decides what to do with the rows.
 */
public final class LegacyAuditRows {
    /** The header of the column that holds the event type, in the tracker's {@code Metadata}. */
    public static final String EVENT_TYPE_HEADER = "Evento_Tipo";
    /** The header of the column that holds the worker's name, in the tracker's {@code Metadata}. */
    public static final String WORKER_NAME_HEADER = "Worker_Nombre";

    /** The event types earlier versions wrote; the tracker knows neither. */
    static final Set<String> EVENT_TYPES = Set.of("SCHEMA_MIGRATION", "METRICS_REFRESH");
    /** The worker name earlier versions wrote. */
    static final String WORKER_NAME = "extendSchema";

    private LegacyAuditRows() {}

    /**
     * @param eventTypes the {@code Evento_Tipo} cells from row 2 down, in row order
     * @param workerNames the {@code Worker_Nombre} cells from row 2 down, in row order; either list may
     *     be shorter than the other (a values read leaves out trailing empty cells), and a cell may be
     *     null or a number
     * @return the 1-based sheet rows our earlier versions wrote, ascending
     */
    public static List<Integer> find(List<?> eventTypes, List<?> workerNames) {
        List<Integer> rows = new ArrayList<>();
        int shared = Math.min(eventTypes.size(), workerNames.size());
        for (int i = 0; i < shared; i++) {
            if (EVENT_TYPES.contains(text(eventTypes.get(i))) && WORKER_NAME.equals(text(workerNames.get(i)))) {
                rows.add(i + 2);
            }
        }
        return rows;
    }

    /** A cell as the text it shows, trimmed: a person may have left a space when editing the row. */
    private static String text(Object cell) {
        return cell == null ? "" : cell.toString().trim();
    }
}
