package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call did, as every shell says it: the JSON answer (HTTP and {@code --json}), the first line of
 * the CLI's text and the log record are all made from {@link #toJson}, so they agree field by field.
 *
 * <p>A call has one status covering its steps: {@code DRY_RUN} when a dry run found something either
 * step would write, {@code APPLIED} when either step wrote, else {@code UP_TO_DATE}. The migration
 * step's own status stays in {@code migrationStatus}, the refresh's in {@code metrics.status}. Every
 * warning of every step (an audit row that may be missing, a formula a row move put under a write) is
 * listed in {@code warnings}.
 */
final class CallReport {
    private CallReport() {}

    static JsonObject toJson(Engine.Outcome outcome, Target target, boolean withBodies) {
        JsonObject json = RunReport.toJson(outcome.migration(), target.spreadsheetId(), withBodies);
        outcome.refresh()
                .ifPresent(
                        refreshed -> json.add("metrics", RefreshReport.toJson(refreshed, target.sheet(), withBodies)));
        String migrationStatus = json.get("status").getAsString();
        json.addProperty("migrationStatus", migrationStatus);
        // The step's own figures stay beside the whole call's, which the top level gives.
        json.add("migrationApiCalls", json.get("apiCalls"));
        json.add("apiCalls", Rendering.calls(outcome.calls()));
        json.addProperty("durationMs", outcome.durationMillis());
        json.addProperty("status", status(outcome));
        JsonArray warnings = new JsonArray();
        warnings(outcome).forEach(warnings::add);
        json.add("warnings", warnings);
        return json;
    }

    /** The call's one status, over its steps. */
    static String status(Engine.Outcome outcome) {
        List<String> steps = new ArrayList<>();
        steps.add(RunReport.status(outcome.migration()));
        outcome.refresh().ifPresent(r -> steps.add(RefreshReport.status(r.result())));
        if (steps.contains("DRY_RUN")) {
            return "DRY_RUN";
        }
        return steps.contains("APPLIED") ? "APPLIED" : "UP_TO_DATE";
    }

    /** Every step's warnings, in step order. */
    static List<String> warnings(Engine.Outcome outcome) {
        List<String> warnings = new ArrayList<>();
        if (outcome.migration() instanceof RunResult.Applied applied
                && applied.audit().needsAttention()) {
            warnings.add(applied.audit().message());
        }
        outcome.refresh().ifPresent(refreshed -> {
            if (refreshed.result() instanceof RefreshResult.Applied applied) {
                if (applied.audit().needsAttention()) {
                    warnings.add(applied.audit().message());
                }
                warnings.addAll(applied.warnings());
            }
        });
        return warnings;
    }

    /** The log line's message: the call's status and the answer's message. */
    static String logMessage(JsonObject answer) {
        return "extendSchema " + answer.get("status").getAsString() + ": "
                + answer.get("message").getAsString();
    }

    /**
     * The log record's fields, taken from the answer: the call's status, the sheet, what was (or would be)
     * done, the calls and the duration; with the refresh, its status and cells.
     */
    static Map<String, Object> logFields(JsonObject answer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", answer.get("status").getAsString());
        fields.put("httpStatus", 200);
        fields.put("migrationStatus", answer.get("migrationStatus").getAsString());
        fields.put("spreadsheetId", answer.get("spreadsheetId").getAsString());
        fields.put("sheet", answer.get("sheet").getAsString());
        boolean applied = "APPLIED".equals(answer.get("migrationStatus").getAsString());
        boolean upToDate = "UP_TO_DATE".equals(answer.get("migrationStatus").getAsString());
        fields.put(
                applied ? "columnsAdded" : "columnsToAdd",
                upToDate ? 0 : answer.getAsJsonArray("added").size());
        String cells = applied ? "cellsInitialized" : "cellsToInitialize";
        fields.put(cells, answer.get(cells).getAsInt());
        fields.put("apiCalls", calls(answer.getAsJsonObject("apiCalls")));
        fields.put("durationMs", answer.get("durationMs").getAsLong());
        if (answer.has("metrics")) {
            JsonObject metrics = answer.getAsJsonObject("metrics");
            fields.put("metricsStatus", metrics.get("status").getAsString());
            for (String name : List.of("cellsChanged", "cellsToChange", "rowsChecked", "repairRounds")) {
                if (metrics.has(name)) {
                    fields.put(name, metrics.get(name).getAsInt());
                }
            }
        }
        fields.put("warnings", answer.getAsJsonArray("warnings").size());
        return fields;
    }

    private static Map<String, Object> calls(JsonObject calls) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : calls.entrySet()) {
            map.put(entry.getKey(), entry.getValue().getAsInt());
        }
        return map;
    }
}
