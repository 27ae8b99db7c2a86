package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.metrics.DriftReport;
import com.spooltracker.extendschema.metrics.MetricColumns;
import java.io.PrintStream;

/**
 * The refresh's part of the answer: the {@code "metrics"} object of the JSON report, and the lines
 * the CLI prints. Says what differed, per column and by example, and what the refresh could not use
 * (orphan unions, DN_UNION cells that are not numbers) or would not touch (formulas, text).
 */
public final class RefreshReport {
    private RefreshReport() {}

    public static String status(RefreshResult result) {
        if (result instanceof RefreshResult.Applied) {
            return "APPLIED";
        }
        return result instanceof RefreshResult.DryRun ? "DRY_RUN" : "UP_TO_DATE";
    }

    public static JsonObject toJson(Engine.Refreshed refreshed, String sheet) {
        return toJson(refreshed, sheet, false);
    }

    /**
     * @param withBodies a dry run lists each write's exact JSON body too, as the migration's requests do
     *     with {@code showRequests}
     */
    public static JsonObject toJson(Engine.Refreshed refreshed, String sheet, boolean withBodies) {
        RefreshResult result = refreshed.result();
        DriftReport drift = result.drift();
        JsonObject json = new JsonObject();
        json.addProperty("status", status(result));
        json.addProperty("sheet", sheet);
        json.addProperty("from", drift.from());
        json.addProperty("rowsChecked", drift.rowsChecked());
        json.addProperty(
                result instanceof RefreshResult.Applied ? "cellsChanged" : "cellsToChange",
                result instanceof RefreshResult.Applied applied
                        ? applied.cellsWritten()
                        : drift.changes().size());
        JsonObject byColumn = new JsonObject();
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            byColumn.addProperty(
                    MetricColumns.METRICS.get(m).header(),
                    drift.differingByColumn().get(m));
        }
        json.add("byColumn", byColumn);
        JsonArray examples = new JsonArray();
        for (DriftReport.Example example : drift.examples()) {
            JsonObject e = new JsonObject();
            e.addProperty("tag", example.tag());
            e.addProperty("column", example.column());
            e.addProperty("cell", example.cell());
            e.addProperty("current", example.current());
            e.addProperty("computed", example.computed());
            examples.add(e);
        }
        json.add("examples", examples);
        JsonArray orphans = new JsonArray();
        for (DriftReport.Orphan orphan : drift.orphans()) {
            JsonObject o = new JsonObject();
            o.addProperty("cell", orphan.cell());
            o.addProperty("ot", orphan.ot());
            orphans.add(o);
        }
        json.add("orphanUnions", counted(drift.orphanCount(), orphans));
        JsonArray invalid = new JsonArray();
        for (DriftReport.InvalidDn dn : drift.invalidDn()) {
            JsonObject d = new JsonObject();
            d.addProperty("cell", dn.cell());
            d.addProperty("value", dn.value());
            invalid.add(d);
        }
        json.add("invalidDnUnion", counted(drift.invalidDnCount(), invalid));
        JsonArray leftAlone = new JsonArray();
        for (DriftReport.LeftAlone cell : drift.leftAlone()) {
            JsonObject l = new JsonObject();
            l.addProperty("tag", cell.tag());
            l.addProperty("column", cell.column());
            l.addProperty("cell", cell.cell());
            l.addProperty("kind", cell.kind().name());
            l.addProperty("current", cell.current());
            l.addProperty("computed", cell.computed());
            l.addProperty("agrees", cell.agrees());
            leftAlone.add(l);
        }
        json.add("leftAlone", counted(drift.leftAloneCount(), leftAlone));
        json.addProperty("spoolsWithoutOt", drift.spoolsWithoutOt());
        json.add("apiCalls", Rendering.calls(refreshed.calls()));
        json.addProperty("durationMs", refreshed.durationMillis());
        json.addProperty("message", message(result));
        if (result instanceof RefreshResult.DryRun dryRun) {
            json.add("requests", RunReport.requests(dryRun.requests(), withBodies));
        }
        if (result instanceof RefreshResult.Applied applied) {
            JsonObject audit = new JsonObject();
            audit.addProperty("outcome", applied.audit().outcome().name());
            audit.addProperty("message", applied.audit().message());
            json.add("audit", audit);
            json.addProperty("repairRounds", applied.repairRounds());
            JsonArray warnings = new JsonArray();
            applied.warnings().forEach(warnings::add);
            json.add("warnings", warnings);
        }
        return json;
    }

    /** One sentence a person reads first. */
    public static String message(RefreshResult result) {
        DriftReport drift = result.drift();
        String notes = notes(drift);
        if (result instanceof RefreshResult.UpToDate) {
            return "The metrics of all " + Rendering.plural(drift.rowsChecked(), "data row") + " agree with "
                    + drift.from() + "; nothing to write." + notes;
        }
        String cells = Rendering.plural(drift.changes().size(), "metric cell");
        if (result instanceof RefreshResult.DryRun) {
            return cells + " of " + Rendering.plural(drift.rowsChecked(), "data row") + " differ from " + drift.from()
                    + " and would be written. Nothing was written; run again without dry run to apply." + notes;
        }
        RefreshResult.Applied applied = (RefreshResult.Applied) result;
        String repaired = applied.repairRounds() == 0
                ? ""
                : " Rows moved while it wrote; it read them again and repaired what landed in the wrong row.";
        String warned = applied.warnings().isEmpty()
                ? ""
                : " " + Rendering.plural(applied.warnings().size(), "warning") + ".";
        return "Wrote " + Rendering.plural(applied.cellsWritten(), "metric cell") + " of "
                + Rendering.plural(drift.rowsChecked(), "data row") + " that differed from " + drift.from() + "."
                + repaired + warned + notes;
    }

    /** The CLI's lines for the refresh. */
    public static void print(Engine.Refreshed refreshed, PrintStream out) {
        RefreshResult result = refreshed.result();
        DriftReport drift = result.drift();
        out.printf("METRICS %s  from sheet '%s'%n", status(result), drift.from());
        out.println("  " + message(result));
        String verb = result instanceof RefreshResult.Applied ? "changed" : "to change";
        for (int m = 0; m < MetricColumns.COUNT; m++) {
            out.printf(
                    "  %-26s %,d cell%s %s%n",
                    MetricColumns.METRICS.get(m).header(),
                    drift.differingByColumn().get(m),
                    drift.differingByColumn().get(m) == 1 ? "" : "s",
                    verb);
        }
        for (DriftReport.Example example : drift.examples()) {
            out.printf(
                    "  %-12s %-26s %-16s %s -> %s%n",
                    example.tag(), example.column(), example.cell(), example.current(), example.computed());
        }
        out.printf(
                "  orphan unions: %,d; DN_UNION not a number: %,d; cells left alone: %,d%n",
                drift.orphanCount(), drift.invalidDnCount(), drift.leftAloneCount());
        for (DriftReport.Orphan orphan : drift.orphans()) {
            out.printf("    orphan %s OT %s%n", orphan.cell(), orphan.ot());
        }
        for (DriftReport.InvalidDn dn : drift.invalidDn()) {
            out.printf("    DN_UNION %s %s%n", dn.cell(), dn.value());
        }
        for (DriftReport.LeftAlone cell : drift.leftAlone()) {
            out.printf(
                    "    left alone %s %s %s (computed %s)%n",
                    cell.cell(), cell.kind(), cell.current(), cell.computed());
        }
        out.println(Rendering.callsLine(
                "the refresh alone", Rendering.calls(refreshed.calls()), refreshed.durationMillis()));
        if (result instanceof RefreshResult.Applied applied) {
            out.println("  audit: " + applied.audit().message());
            applied.warnings().forEach(w -> out.println("  WARNING: " + w));
        }
    }

    private static String notes(DriftReport drift) {
        StringBuilder notes = new StringBuilder();
        if (drift.orphanCount() > 0) {
            notes.append(" ")
                    .append(Rendering.plural(drift.orphanCount(), "union"))
                    .append(" of ")
                    .append(drift.from())
                    .append(drift.orphanCount() == 1 ? " has" : " have")
                    .append(" an OT no spool has.");
        }
        if (drift.invalidDnCount() > 0) {
            notes.append(" ")
                    .append(Rendering.plural(drift.invalidDnCount(), "DN_UNION cell"))
                    .append(drift.invalidDnCount() == 1 ? " is" : " are")
                    .append(" not a number (counted, not summed).");
        }
        if (drift.leftAloneCount() > 0) {
            notes.append(" ")
                    .append(Rendering.plural(drift.leftAloneCount(), "metric cell"))
                    .append(drift.leftAloneCount() == 1 ? " was" : " were")
                    .append(" left alone (a formula, text, or a figure too large for any cell).");
        }
        return notes.toString();
    }

    private static JsonObject counted(int count, JsonArray examples) {
        JsonObject json = new JsonObject();
        json.addProperty("count", count);
        json.add("examples", examples);
        return json;
    }
}
