package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.migrations.Finding;
import java.io.PrintStream;

/** The answers of {@code validate} and {@code info}, as JSON (HTTP and {@code --json}) and as text (the CLI). */
final class SchemaReport {
    private SchemaReport() {}

    static JsonObject toJson(SchemaInspection.Validation validation, String spreadsheetId) {
        JsonObject json = new JsonObject();
        json.addProperty("status", validation.valid() ? "VALID" : "INVALID");
        json.addProperty("valid", validation.valid());
        json.addProperty("spreadsheetId", spreadsheetId);
        JsonArray findings = new JsonArray();
        for (Finding finding : validation.findings()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("kind", finding.kind().name());
            if (!finding.sheet().isEmpty()) {
                entry.addProperty("sheet", finding.sheet());
            }
            entry.addProperty("message", finding.message());
            if (!finding.cells().isEmpty()) {
                JsonArray cells = new JsonArray();
                finding.cells().forEach(cells::add);
                entry.add("cells", cells);
            }
            findings.add(entry);
        }
        json.add("findings", findings);
        json.add("apiCalls", Rendering.calls(validation.calls()));
        json.addProperty("durationMs", validation.durationMillis());
        json.addProperty("message", message(validation));
        return json;
    }

    static String message(SchemaInspection.Validation validation) {
        if (validation.valid()) {
            return "Every sheet has the declared schema and every migration is recorded with its file's checksum.";
        }
        int n = validation.findings().size();
        return n + " finding" + (n == 1 ? "" : "s") + ": the spreadsheet does not match the declared schema. "
                + "Nothing was written.";
    }

    static JsonObject toJson(SchemaInspection.Info info, String spreadsheetId) {
        JsonObject json = new JsonObject();
        json.addProperty("status", "INFO");
        json.addProperty("spreadsheetId", spreadsheetId);
        JsonArray migrations = new JsonArray();
        for (SchemaInspection.Entry entry : info.entries()) {
            JsonObject item = new JsonObject();
            item.addProperty("version", entry.version().toString());
            entry.file().ifPresent(file -> {
                item.addProperty("description", file.description());
                item.addProperty("script", file.script());
                item.addProperty("checksum", file.checksum());
            });
            item.addProperty("status", entry.status());
            entry.applied().ifPresent(applied -> {
                JsonObject recorded = new JsonObject();
                recorded.addProperty("installedOn", applied.installedOn());
                recorded.addProperty("installedBy", applied.installedBy());
                recorded.addProperty("checksum", applied.checksum());
                recorded.addProperty("script", applied.script());
                recorded.addProperty("outcome", applied.outcome());
                item.add("applied", recorded);
            });
            migrations.add(item);
        }
        json.add("migrations", migrations);
        json.add("apiCalls", Rendering.calls(info.calls()));
        json.addProperty("durationMs", info.durationMillis());
        return json;
    }

    static void print(SchemaInspection.Validation validation, String spreadsheetId, PrintStream out) {
        out.printf("%s  spreadsheet %s%n", validation.valid() ? "VALID" : "INVALID", spreadsheetId);
        out.println("  " + message(validation));
        for (Finding finding : validation.findings()) {
            out.println("  " + finding.kind() + ": " + finding.message());
        }
    }

    static void print(SchemaInspection.Info info, String spreadsheetId, PrintStream out) {
        out.printf("INFO  spreadsheet %s%n", spreadsheetId);
        out.printf("  %-8s %-18s %-20s %-12s %s%n", "version", "status", "installed on", "checksum", "description");
        for (SchemaInspection.Entry entry : info.entries()) {
            out.printf(
                    "  %-8s %-18s %-20s %-12s %s%n",
                    entry.version(),
                    entry.status(),
                    entry.applied()
                            .map(a -> a.installedOn().replaceFirst("\\.\\d+Z$", "Z"))
                            .orElse("-"),
                    entry.file().map(f -> String.valueOf(f.checksum())).orElse("-"),
                    entry.file().map(f -> f.description()).orElse("(not shipped)")
                            + entry.applied()
                                    .map(a -> " [by " + a.installedBy() + "]")
                                    .orElse(""));
        }
    }
}
