package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.migrations.VersionPlan;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JSON a run answers with (HTTP 200, and the CLI's {@code --json}). */
public final class RunReport {
    private RunReport() {}

    /**
     * @param withBodies a dry run lists each request's exact JSON body too, not only its summary (the
     *     bodies run to megabytes on a large sheet: only on request)
     */
    public static JsonObject toJson(RunResult result, String spreadsheetId, boolean withBodies) {
        Plan plan = result.plan();
        JsonObject json = new JsonObject();
        json.addProperty("status", status(result));
        json.addProperty("dryRun", isDryRun(result));
        json.addProperty("spreadsheetId", spreadsheetId);
        json.addProperty("sheet", plan.sheet());
        json.add("headers", beforeAfter(plan.headerWidthBefore(), plan.headerWidthAfter()));
        json.add("gridColumns", beforeAfter(plan.gridColumnsBefore(), plan.gridColumnsAfter()));
        json.add("added", placements(plan.added()));
        json.add("present", placements(plan.present()));
        json.addProperty("positionsAsSpecified", plan.positionsAsSpecified());
        json.addProperty("dataRows", plan.dataRows());
        json.addProperty(
                result instanceof RunResult.Applied ? "cellsInitialized" : "cellsToInitialize",
                result instanceof RunResult.UpToDate ? 0 : plan.cellsToInitialize());
        json.add("migrations", migrations(result));
        JsonArray others = new JsonArray();
        for (Plan other : result.versions().otherSheets()) {
            JsonObject sheet = new JsonObject();
            sheet.addProperty("sheet", other.sheet());
            sheet.add("added", placements(other.added()));
            sheet.add("present", placements(other.present()));
            others.add(sheet);
        }
        if (!others.isEmpty()) {
            json.add("otherSheets", others);
        }
        if (result instanceof RunResult.DryRun dryRun) {
            json.add("requests", requests(dryRun.requests(), withBodies));
        }
        json.add("apiCalls", Rendering.calls(result.calls()));
        json.addProperty("durationMs", result.durationMillis());
        json.addProperty("message", message(result));
        if (result instanceof RunResult.Applied applied) {
            JsonObject audit = new JsonObject();
            audit.addProperty("outcome", applied.audit().outcome().name());
            audit.addProperty("message", applied.audit().message());
            json.add("audit", audit);
            if (applied.audit().needsAttention()) {
                json.addProperty("warning", applied.audit().message());
            }
        }
        return json;
    }

    /**
     * One entry per migration file: {@code done} (the history had it), {@code applied} or
     * {@code baselined} by this run ({@code wouldApply}, {@code wouldBaseline} on a dry run), or
     * {@code blocked} with the reason.
     */
    private static JsonArray migrations(RunResult result) {
        boolean dry = result instanceof RunResult.DryRun;
        JsonArray array = new JsonArray();
        for (VersionPlan.Step step : result.versions().steps()) {
            JsonObject json = new JsonObject();
            json.addProperty("version", step.file().version().toString());
            json.addProperty("description", step.file().description());
            json.addProperty(
                    "status",
                    switch (step.status()) {
                        case DONE -> "done";
                        case APPLY -> dry ? "wouldApply" : "applied";
                        case BASELINE -> dry ? "wouldBaseline" : "baselined";
                        case BLOCKED -> "blocked";
                    });
            if (!step.note().isEmpty()) {
                json.addProperty("reason", step.note());
            }
            array.add(json);
        }
        return array;
    }

    /** What the run did about migration versions, as a sentence; "" when every version was done already. */
    static String versionsSaid(RunResult result) {
        VersionPlan versions = result.versions();
        boolean dry = result instanceof RunResult.DryRun;
        StringBuilder said = new StringBuilder();
        List<String> recorded = versions.toRecord().stream()
                .map(s -> s.file().version() + (s.status() == VersionPlan.Status.BASELINE ? " (baseline)" : ""))
                .toList();
        if (!recorded.isEmpty()) {
            said.append(dry ? " Would record migration " : " Recorded migration ")
                    .append(String.join(", ", recorded))
                    .append(" in the schema history.");
        }
        for (Plan other : versions.otherSheets()) {
            if (!other.added().isEmpty()) {
                said.append(dry ? " Would add " : " Added ")
                        .append(other.added().stream()
                                .map(p -> p.spec().header() + " at " + p.letter())
                                .collect(Collectors.joining(", ")))
                        .append(" to sheet '")
                        .append(other.sheet())
                        .append("'.");
            }
        }
        for (VersionPlan.Step blocked : versions.blocked()) {
            said.append(" Migration ")
                    .append(blocked.file().version())
                    .append(": ")
                    .append(blocked.note());
        }
        return said.toString();
    }

    /** At most this many changes are listed per request; the rest are counted. */
    private static final int CHANGES_LISTED = 10;

    /** The planned requests' summaries, and with {@code withBodies} their exact JSON bodies. */
    static JsonArray requests(List<PlannedRequest> planned, boolean withBodies) {
        JsonArray requests = new JsonArray();
        for (PlannedRequest request : planned) {
            JsonObject entry = new JsonObject();
            entry.addProperty("method", request.method());
            entry.addProperty("cells", request.cells());
            entry.addProperty("bytes", request.bytes());
            JsonArray changes = new JsonArray();
            request.changes().stream().limit(CHANGES_LISTED).forEach(changes::add);
            entry.add("changes", changes);
            if (request.changes().size() > CHANGES_LISTED) {
                entry.addProperty("moreChanges", request.changes().size() - CHANGES_LISTED);
            }
            if (withBodies) {
                entry.add("body", JsonParser.parseString(request.body()));
            }
            requests.add(entry);
        }
        return requests;
    }

    public static String status(RunResult result) {
        if (result instanceof RunResult.Applied) {
            return "APPLIED";
        }
        return result instanceof RunResult.DryRun ? "DRY_RUN" : "UP_TO_DATE";
    }

    private static boolean isDryRun(RunResult result) {
        return result instanceof RunResult.DryRun || result instanceof RunResult.UpToDate u && u.dryRun();
    }

    /** One sentence a person reads first: what happened or would happen. */
    public static String message(RunResult result) {
        Plan plan = result.plan();
        String positions = plan.positionsAsSpecified()
                ? ""
                : " Note: the metric columns are not at the documented positions 68–72 (" + where(plan)
                        + "); v3.0 and v4.0 code find them by name, so this is safe.";
        String versions = versionsSaid(result);
        if (result instanceof RunResult.UpToDate) {
            return "Sheet '" + plan.sheet() + "' is up to date: all "
                    + plan.present().size() + " v4.0 columns are present and every data row has its metrics."
                    + positions + versions;
        }
        if (result instanceof RunResult.DryRun) {
            return Rendering.plural(plan.added().size(), "column") + " would be added" + addedList(plan) + " and "
                    + Rendering.plural(plan.cellsToInitialize(), "empty metric cell") + " of "
                    + Rendering.plural(plan.dataRows(), "data row") + " would be set to 0. Nothing was written;"
                    + " run again without dry run to apply." + positions + versions;
        }
        return (plan.added().isEmpty()
                        ? "No columns were added"
                        : "Added " + Rendering.plural(plan.added().size(), "column") + addedList(plan))
                + "; set " + Rendering.plural(plan.cellsToInitialize(), "empty metric cell") + " to 0."
                + positions + versions;
    }

    private static String addedList(Plan plan) {
        if (plan.added().isEmpty()) {
            return "";
        }
        Placement first = plan.added().get(0);
        Placement last = plan.added().get(plan.added().size() - 1);
        String names = plan.added().stream().map(p -> p.spec().header()).collect(Collectors.joining(", "));
        String letters = first == last ? first.letter() : first.letter() + "–" + last.letter();
        return " (" + names + " at " + letters + ")";
    }

    private static String where(Plan plan) {
        return Stream.concat(plan.present().stream(), plan.added().stream())
                .map(p -> p.spec().header() + " at " + p.column())
                .collect(Collectors.joining(", "));
    }

    private static JsonObject beforeAfter(int before, int after) {
        JsonObject json = new JsonObject();
        json.addProperty("before", before);
        json.addProperty("after", after);
        return json;
    }

    private static JsonArray placements(List<Placement> placements) {
        JsonArray array = new JsonArray();
        for (Placement placement : placements) {
            JsonObject json = new JsonObject();
            json.addProperty("name", placement.spec().header());
            json.addProperty("column", placement.column());
            json.addProperty("letter", placement.letter());
            array.add(json);
        }
        return array;
    }
}
