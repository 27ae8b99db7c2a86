package com.spooltracker.extendschema;

import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import java.util.List;

/** What the metrics refresh did: nothing differed, it only reported the drift, or it wrote it. */
public sealed interface RefreshResult {
    DriftReport drift();

    record UpToDate(DriftReport drift, boolean dryRun) implements RefreshResult {}

    /** @param requests the writes an apply would send when nothing moves under it, in order */
    record DryRun(DriftReport drift, List<PlannedRequest> requests) implements RefreshResult {
        public DryRun {
            requests = List.copyOf(requests);
        }

        public DryRun(DriftReport drift) {
            this(drift, List.of());
        }
    }

    /**
     * @param drift the drift the run found: what its first write was planned from
     * @param cellsWritten metric cells written, repairs and emptied strays included
     * @param requests the write requests sent (one unless a body would pass 2 MB, or the sheet changed under
     *     the run and it repaired, or the columns' marks had to be placed first)
     * @param repairRounds writes that repaired rows that moved under the run
     * @param warnings what a person should know: formulas overwritten by a row moved mid-write, cells left
     *     for the next run
     */
    record Applied(
            DriftReport drift,
            int cellsWritten,
            int requests,
            int repairRounds,
            List<String> warnings,
            RunResult.Audit audit)
            implements RefreshResult {
        public Applied {
            warnings = List.copyOf(warnings);
        }
    }
}
