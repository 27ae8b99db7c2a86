package com.spooltracker.extendschema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.logging.Log;
import com.spooltracker.extendschema.logging.Redaction;
import com.spooltracker.extendschema.schema.ColumnFill;
import com.spooltracker.extendschema.schema.Conflict;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.sheets.PlannedRequest;
import com.spooltracker.extendschema.sheets.RetryClock;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * The migration from a terminal, over the same engine as the function:
 * {@code mvn -q compile exec:java@cli -Dexec.args="--dry-run"}. Flags override the environment
 * variables the function reads. Exit status: 0 done (applied, up to date or planned), 3 conflict
 * (nothing written), 2 usage error, 1 any other failure.
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CONFLICT = 3;

    private static final String USAGE_TEXT = String.join(
            "\n",
            "Usage: extendSchema [--dry-run [--show-requests]] [--refresh-metrics] [--spreadsheet ID] [--sheet NAME]",
            "                    [--validate | --info]",
            "                    [--key-column NAME] [--metadata-sheet NAME] [--migrations-dir DIR]",
            "                    [--audit-sheet NAME | --no-audit] [--emulator HOST:PORT] [--json]",
            "",
            "Adds the five v4.0 metric columns to the sheet (default Operaciones) and sets 0 in every",
            "empty metric cell of a data row. Safe to repeat: it never overwrites a value.",
            "",
            "  --dry-run           print the plan; write nothing",
            "  --validate          check every sheet and the schema history against the migration files;",
            "                      exit 3 when anything differs (writes nothing)",
            "  --info              list every migration: applied (when, by whom, checksum) or pending",
            "  --show-requests     with --dry-run --json: include each request's exact JSON body",
            "  --refresh-metrics   then compute the five metrics from sheet Uniones (else UNIONES_SHEET)",
            "                      and write the cells that differ (with --dry-run: report the drift,",
            "                      write nothing)",
            "  --spreadsheet ID    spreadsheet id (else SPREADSHEET_ID; with neither and no emulator,",
            "                      an embedded emulator with the demo spreadsheet is used)",
            "  --sheet NAME        sheet to migrate (else SHEET_NAME, default Operaciones)",
            "  --key-column NAME   header of the column that marks data rows (default TAG_SPOOL)",
            "  --metadata-sheet NAME",
            "                      the tracker's event log (else METADATA_SHEET, default Metadata);",
            "                      no audit row is ever written there",
            "  --migrations-dir DIR",
            "                      directory of migration files to use instead of the shipped ones",
            "                      (else MIGRATIONS_DIR)",
            "  --audit-sheet NAME  sheet that receives one audit row per run that writes, created when",
            "                      missing (else AUDIT_SHEET, default extendSchema_log)",
            "  --no-audit          write no audit row",
            "  --emulator H:P      use the Sheets emulator at H:P, without credentials (else SHEETS_EMULATOR_HOST)",
            "  --json              print the JSON report the HTTP function answers with",
            "",
            "Credentials: Application Default Credentials (gcloud auth application-default login).",
            "Exit status: 0 done, 3 conflict or validate findings (nothing written), 2 usage error, 1 other failure.");

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, RetryClock.SYSTEM);
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream)}, the retries keeping time by {@code clock}. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, RetryClock clock) {
        Properties overrides = new Properties();
        boolean dryRun = false;
        boolean refreshMetrics = false;
        boolean json = false;
        boolean showRequests = false;
        RunOptions.Operation operation = RunOptions.Operation.MIGRATE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> dryRun = true;
                    case "--refresh-metrics" -> refreshMetrics = true;
                    case "--json" -> json = true;
                    case "--show-requests" -> showRequests = true;
                    case "--validate" -> operation = only(operation, RunOptions.Operation.VALIDATE);
                    case "--info" -> operation = only(operation, RunOptions.Operation.INFO);
                    case "--no-audit" -> overrides.setProperty("AUDIT_SHEET", "");
                    case "--spreadsheet" -> overrides.setProperty("SPREADSHEET_ID", value(args, ++i));
                    case "--sheet" -> overrides.setProperty("SHEET_NAME", value(args, ++i));
                    case "--key-column" -> overrides.setProperty("KEY_COLUMN", value(args, ++i));
                    case "--audit-sheet" -> overrides.setProperty("AUDIT_SHEET", value(args, ++i));
                    case "--metadata-sheet" -> overrides.setProperty("METADATA_SHEET", value(args, ++i));
                    case "--migrations-dir" -> overrides.setProperty("MIGRATIONS_DIR", value(args, ++i));
                    case "--emulator" -> overrides.setProperty("SHEETS_EMULATOR_HOST", emulator(value(args, ++i)));
                    case "-h", "--help" -> {
                        out.println(USAGE_TEXT);
                        return OK;
                    }
                    default ->
                        throw new Failure.BadRequest("Unknown argument '" + Redaction.callerText(args[i]) + "'.");
                }
            }
            if (operation != RunOptions.Operation.MIGRATE && (dryRun || refreshMetrics || showRequests)) {
                throw new Failure.BadRequest("--" + operation.name().toLowerCase(java.util.Locale.ROOT)
                        + " only reads; it takes no --dry-run, --refresh-metrics or --show-requests.");
            }
            if (showRequests && !dryRun) {
                throw new Failure.BadRequest("--show-requests lists what a dry run would send; add --dry-run.");
            }
            // The bodies are only in the JSON report; the text report would silently leave them out.
            if (showRequests && !json) {
                throw new Failure.BadRequest(
                        "--show-requests adds each request's exact JSON body to the JSON report; add --json.");
            }
        } catch (Failure.BadRequest usage) {
            err.println(usage.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            Setup setup = Setup.from(Config.from(env, overrides), LocalSheets::find, clock);
            setup.localModeNotice().ifPresent(notice -> err.println("*** " + notice));
            Engine engine = setup.engine();
            // Retries go to stderr as they happen, so a slow run says what it is waiting for.
            Log retries = Log.create(false, null, err);
            if (operation == RunOptions.Operation.VALIDATE) {
                SchemaInspection.Validation validation =
                        engine.validate(retry -> retries.warning(retry.message(), retry.fields(), null));
                if (json) {
                    out.println(SchemaReport.toJson(validation, engine.target().spreadsheetId()));
                } else {
                    SchemaReport.print(validation, engine.target().spreadsheetId(), out);
                }
                return validation.valid() ? OK : CONFLICT;
            }
            if (operation == RunOptions.Operation.INFO) {
                SchemaInspection.Info info =
                        engine.info(retry -> retries.warning(retry.message(), retry.fields(), null));
                if (json) {
                    out.println(SchemaReport.toJson(info, engine.target().spreadsheetId()));
                } else {
                    SchemaReport.print(info, engine.target().spreadsheetId(), out);
                }
                return OK;
            }
            Engine.Outcome outcome = engine.run(
                    new RunOptions(dryRun, showRequests, refreshMetrics),
                    retry -> retries.warning(retry.message(), retry.fields(), null));
            JsonObject report = CallReport.toJson(outcome, engine.target(), showRequests);
            if (json) {
                out.println(report);
            } else {
                out.printf(
                        "%s  spreadsheet %s, sheet '%s'%n",
                        report.get("status").getAsString(),
                        report.get("spreadsheetId").getAsString(),
                        report.get("sheet").getAsString());
                print(outcome.migration(), out);
                outcome.refresh().ifPresent(r -> RefreshReport.print(r, out));
                for (JsonElement warning : report.getAsJsonArray("warnings")) {
                    out.println("  WARNING: " + warning.getAsString());
                }
                out.println(Rendering.callsLine(
                        "the whole call",
                        report.getAsJsonObject("apiCalls"),
                        report.get("durationMs").getAsLong()));
            }
            return OK;
        } catch (Failure failure) {
            if (json) {
                out.println(ErrorResponse.body(failure));
            }
            err.println(failure.status() + ": " + failure.getMessage());
            if (failure instanceof Failure.Conflicted conflicted) {
                for (Conflict conflict : conflicted.conflicts()) {
                    err.println("  " + conflict.kind() + " " + String.join(" ", conflict.cells()));
                }
                return CONFLICT;
            }
            return FAILED;
        }
    }

    private static RunOptions.Operation only(RunOptions.Operation current, RunOptions.Operation asked) {
        if (current != RunOptions.Operation.MIGRATE && current != asked) {
            throw new Failure.BadRequest("Give --validate or --info, not both.");
        }
        return asked;
    }

    /** The emulator's address, checked as Config checks SHEETS_EMULATOR_HOST, as a usage error. */
    private static String emulator(String hostPort) {
        try {
            return Config.emulatorHost(hostPort);
        } catch (Failure.NotConfigured wrong) {
            throw new Failure.BadRequest("--emulator needs HOST:PORT, the address the Sheets emulator listens on "
                    + "(e.g. 127.0.0.1:9090), not '" + Redaction.callerText(hostPort) + "'.");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new Failure.BadRequest(args[i - 1] + " needs a value.");
        }
        return args[i];
    }

    /** The migration step's part of the text: its own status, message and what it changes. */
    private static void print(RunResult result, PrintStream out) {
        Plan plan = result.plan();
        out.println("  migration " + RunReport.status(result) + ": " + RunReport.message(result));
        for (Placement placement : plan.added()) {
            out.printf(
                    "  %-8s %-3s (%d)  %-26s %s%n",
                    result instanceof RunResult.Applied ? "added" : "add",
                    placement.letter(),
                    placement.column(),
                    placement.spec().header(),
                    placement.spec().type());
        }
        for (Placement placement : plan.present()) {
            out.printf(
                    "  %-8s %-3s (%d)  %-26s %s%n",
                    "present",
                    placement.letter(),
                    placement.column(),
                    placement.spec().header(),
                    placement.spec().type());
        }
        for (ColumnFill fill : plan.fills()) {
            out.printf(
                    "  %-3s: %,d empty cell%s %s 0%n",
                    fill.placement().letter(),
                    fill.defaultCells(),
                    fill.defaultCells() == 1 ? "" : "s",
                    result instanceof RunResult.Applied ? "set to" : "to set to");
        }
        out.printf(
                "  data rows: %,d; grid columns: %d -> %d%n",
                plan.dataRows(), plan.gridColumnsBefore(), plan.gridColumnsAfter());
        if (result instanceof RunResult.DryRun dryRun) {
            for (PlannedRequest request : dryRun.requests()) {
                out.printf("  would send %s (%,d bytes):%n", request.method(), request.bytes());
                request.changes().stream().limit(10).forEach(change -> out.println("    " + change));
                if (request.changes().size() > 10) {
                    out.printf("    … and %,d more ranges%n", request.changes().size() - 10);
                }
            }
        }
    }
}
