package com.spooltracker.extendschema;

import com.spooltracker.extendschema.metrics.DriftReport;

/** What the metrics refresh did: nothing differed, it only reported the drift, or it wrote it. */
public sealed interface RefreshResult {
    DriftReport drift();

    record UpToDate(DriftReport drift, boolean dryRun) implements RefreshResult {}

    record DryRun(DriftReport drift) implements RefreshResult {}

    /** @param requests the {@code values.batchUpdate} requests sent (one unless a body would pass 2 MB) */
    record Applied(DriftReport drift, int requests, RunResult.Audit audit) implements RefreshResult {}
}
