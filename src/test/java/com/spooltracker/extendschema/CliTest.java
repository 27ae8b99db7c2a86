package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.testing.Dumps;
import io.sheetsemulator.SheetsEmulator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CliTest {
    private record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dryRunAgainstTheStandaloneEmulatorPrintsThePlanAndExitsZero() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The standalone emulator serves the demo from a seed file, as a person would start it.
        Path seed = Files.createTempFile("demo-seed", ".json");
        Files.writeString(seed, DemoSpreadsheet.seed().toString());
        Process emulator = java(
                        "io.sheetsemulator.EmulatorMain", "--port", Integer.toString(port), "--seed", seed.toString())
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertTrue(first != null && first.contains(Integer.toString(port)), "emulator said: " + first);

            Process cli = java("com.spooltracker.extendschema.Cli", "--emulator", "127.0.0.1:" + port, "--dry-run")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS));

            assertEquals(0, cli.exitValue(), output);
            assertTrue(output.contains("DRY_RUN"), output);
            assertTrue(output.contains("5 columns would be added"), output);
            assertTrue(output.contains("BP  (68)  Total_Uniones"), output);
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(seed);
        }
    }

    @Test
    void exitCodesTellDoneConflictUsageAndFailureApart() {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(DemoSpreadsheet.seed());
            String host = emulator.hostPort();

            Run json = cli("--emulator", host, "--dry-run", "--json");
            assertEquals(0, json.exit(), json.err());
            assertEquals(
                    "DRY_RUN",
                    JsonParser.parseString(json.out())
                            .getAsJsonObject()
                            .get("status")
                            .getAsString());

            Run applied = cli("--emulator", host);
            assertEquals(0, applied.exit(), applied.err());
            assertTrue(applied.out().startsWith("APPLIED"), applied.out());

            Run again = cli("--emulator", host, "--spreadsheet", "demo", "--sheet", "Operaciones");
            assertEquals(0, again.exit());
            assertTrue(again.out().startsWith("UP_TO_DATE"), again.out());

            Run conflict = cli("--emulator", host, "--key-column", "NO_SUCH_COLUMN", "--dry-run");
            assertEquals(Cli.CONFLICT, conflict.exit(), conflict.err());
            assertTrue(conflict.err().contains("KEY_COLUMN_MISSING"), conflict.err());

            Run missing = cli("--emulator", host, "--sheet", "Hoja 9");
            assertEquals(Cli.FAILED, missing.exit());
            assertTrue(missing.err().startsWith("NOT_FOUND"), missing.err());

            Run elsewhere = cli("--emulator", host, "--metadata-sheet", "Eventos", "--audit-sheet", "Metadata");
            assertEquals(
                    0,
                    elsewhere.exit(),
                    "with the event log elsewhere, Metadata may be audited to: " + elsewhere.err());
        }
        for (String[] args : List.of(
                new String[] {"--emulator", "localhost:1", "--audit-sheet", "metadata"},
                new String[] {"--emulator", "localhost:1", "--metadata-sheet", "Log", "--audit-sheet", "LOG"})) {
            Run misconfigured = cli(args);
            assertEquals(Cli.FAILED, misconfigured.exit(), misconfigured.err());
            assertTrue(
                    misconfigured.err().startsWith("NOT_CONFIGURED: AUDIT_SHEET")
                            && misconfigured.err().contains("METADATA_SHEET"),
                    misconfigured.err());
        }
        Run operaciones = cli("--emulator", "localhost:1", "--metadata-sheet", "Operaciones");
        assertEquals(Cli.FAILED, operaciones.exit(), operaciones.err());
        assertTrue(operaciones.err().startsWith("NOT_CONFIGURED: METADATA_SHEET"), operaciones.err());
        Run noDir = cli("--emulator", "localhost:1", "--migrations-dir", "/no/such/migrations");
        assertEquals(Cli.FAILED, noDir.exit(), noDir.err());
        assertTrue(
                noDir.err().startsWith("NOT_CONFIGURED: MIGRATIONS_DIR")
                        && noDir.err().contains("/no/such/migrations"),
                noDir.err());
        for (String[] args : List.of(
                new String[] {"--emulator", "localhost:1", "--sheet", "Uniones"},
                new String[] {"--emulator", "localhost:1", "--audit-sheet", "uniones"})) {
            Run misconfigured = cli(args);
            assertEquals(Cli.FAILED, misconfigured.exit(), misconfigured.err());
            assertTrue(
                    misconfigured.err().startsWith("NOT_CONFIGURED")
                            && misconfigured.err().contains("UNIONES_SHEET"),
                    misconfigured.err());
        }
        assertEquals(Cli.USAGE, cli("--bogus").exit());
        for (String secret : List.of(
                "--token=ya29.a0AfB_byC-secret",
                "_ya29.a0AfB_byC-secret",
                "1AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")) {
            Run leaked = cli(secret);
            assertEquals(Cli.USAGE, leaked.exit());
            assertFalse(leaked.err().contains("a0AfB") || leaked.err().contains("SyD-9tSrke72"), leaked.err());
            assertTrue(leaked.err().contains("withheld"), leaked.err());
        }
        assertEquals(Cli.USAGE, cli("--sheet").exit());
        Run help = cli("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--dry-run"));
        for (String option : List.of("--metadata-sheet NAME", "--migrations-dir DIR", "default extendSchema_log")) {
            assertTrue(help.out().contains(option), help.out());
        }
    }

    @Test
    void refreshMetricsPrintsTheDriftThenWritesItOnce() {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(DemoSpreadsheet.seed());
            String host = emulator.hostPort();

            Run dry = cli("--emulator", host, "--dry-run", "--refresh-metrics");
            assertEquals(0, dry.exit(), dry.err());
            assertTrue(dry.out().contains("METRICS DRY_RUN  from sheet 'Uniones'"), dry.out());
            assertTrue(dry.out().contains("Total_Uniones              300 cells to change"), dry.out());
            assertTrue(
                    dry.out().contains("SP-0001      Total_Uniones              Operaciones!BP2  0 -> 31"), dry.out());
            assertTrue(dry.out().contains("orphan unions: 3; DN_UNION not a number: 19"), dry.out());
            assertEquals(0, emulator.counters().writes());

            Run applied = cli("--emulator", host, "--refresh-metrics", "--json");
            assertEquals(0, applied.exit(), applied.err());
            var metrics =
                    JsonParser.parseString(applied.out()).getAsJsonObject().getAsJsonObject("metrics");
            assertEquals("APPLIED", metrics.get("status").getAsString());
            assertEquals(1496, metrics.get("cellsChanged").getAsInt());

            Run again = cli("--emulator", host, "--refresh-metrics");
            assertTrue(again.out().contains("METRICS UP_TO_DATE"), again.out());
        }
    }

    @Test
    void withAnEmulatorAndNoSpreadsheetTheNotFoundNamesTheFlagAndTheDemoDefault() {
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed("{\"spreadsheetId\":\"other\",\"sheets\":[{\"title\":\"Operaciones\"}]}");

            Run run = cli("--emulator", emulator.hostPort(), "--dry-run");

            assertEquals(Cli.FAILED, run.exit(), run.err());
            assertTrue(
                    run.err()
                            .startsWith("NOT_FOUND: Spreadsheet 'demo' was not found on the Sheets emulator. Choose one"
                                    + " it serves with --spreadsheet ID (command line) or SPREADSHEET_ID; with an"
                                    + " emulator the default is 'demo'"),
                    run.err());
            assertFalse(run.err().contains("Check SPREADSHEET_ID"), run.err());
        }
    }

    @Test
    void showRequestsWithoutJsonIsAUsageErrorThatSaysToAddJson() {
        Run run = cli("--emulator", "127.0.0.1:9", "--dry-run", "--show-requests");

        assertEquals(Cli.USAGE, run.exit(), run.err());
        assertTrue(
                run.err()
                        .startsWith("--show-requests adds each request's exact JSON body to the JSON report; add"
                                + " --json."),
                run.err());
    }

    @Test
    void anEmulatorAddressWithoutAPortIsAUsageErrorBeforeAnyCall() {
        for (String address : List.of("localhost", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "http://h:1")) {
            Run run = cli("--emulator", address, "--dry-run");

            assertEquals(Cli.USAGE, run.exit(), address + ": " + run.err());
            assertTrue(
                    run.err()
                            .startsWith("--emulator needs HOST:PORT, the address the Sheets emulator listens on "
                                    + "(e.g. 127.0.0.1:9090), not '" + address + "'."),
                    run.err());
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SPREADSHEET_ID");
        builder.environment().remove("SHEETS_EMULATOR_HOST");
        return builder;
    }

    @Test
    void validateExitsThreeWithFindingsOnAV3TrackerAndZeroOnceMigratedAndInfoListsBothVersions() {
        ColumnMapCache.shared().invalidateAll();
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(DemoSpreadsheet.seed());
            String host = emulator.hostPort();

            Run v3 = cli("--emulator", host, "--validate");
            assertEquals(Cli.CONFLICT, v3.exit(), v3.err());
            assertTrue(v3.out().startsWith("INVALID"), v3.out());
            assertTrue(
                    v3.out().contains("MISSING_HEADER: Sheet 'Metadata' lacks N_UNION")
                            && v3.out().contains("PENDING_MIGRATION: Migration 4.0.2"),
                    v3.out());
            Run pending = cli("--emulator", host, "--info");
            assertEquals(0, pending.exit(), pending.err());
            assertTrue(pending.out().contains("4.0.1") && pending.out().contains("4.0.2"), pending.out());
            assertEquals(0, emulator.counters().writes(), "validate and info only read");

            assertEquals(0, cli("--emulator", host).exit());
            emulator.seed(withUnionesHeaders(emulator.dump("demo")));

            Run valid = cli("--emulator", host, "--validate", "--json");
            assertEquals(0, valid.exit(), valid.out() + valid.err());
            assertTrue(
                    JsonParser.parseString(valid.out())
                            .getAsJsonObject()
                            .get("valid")
                            .getAsBoolean(),
                    valid.out());
            Run info = cli("--emulator", host, "--info", "--json");
            assertEquals(0, info.exit(), info.err());
            List<String> versions = new ArrayList<>();
            for (var migration :
                    JsonParser.parseString(info.out()).getAsJsonObject().getAsJsonArray("migrations")) {
                versions.add(migration.getAsJsonObject().get("version").getAsString());
                assertEquals(
                        "APPLIED", migration.getAsJsonObject().get("status").getAsString(), info.out());
            }
            assertEquals(List.of("4.0.1", "4.0.2"), versions);
        }
    }

    /**
     * The dump with every header the schema requires of Uniones: the demo's Uniones has not all of the
     * tracker's (its author and date columns), which validate rightly reports.
     */
    private static JsonObject withUnionesHeaders(JsonObject dump) {
        JsonObject copy = dump.deepCopy();
        JsonObject uniones = Dumps.sheet(copy, "Uniones");
        JsonArray header = Dumps.rows(uniones).get(0).getAsJsonArray();
        List<String> present = Dumps.header(uniones);
        for (String required : Schema.shipped().requiresOf("Uniones")) {
            if (!present.contains(required)) {
                header.add(required);
            }
        }
        uniones.addProperty("columnCount", Math.max(uniones.get("columnCount").getAsInt(), header.size()));
        return copy;
    }

    @Test
    void validateAndInfoTakeNoOtherOperation() {
        for (String[] args : List.of(
                new String[] {"--validate", "--dry-run"},
                new String[] {"--info", "--refresh-metrics"},
                new String[] {"--validate", "--show-requests"},
                new String[] {"--validate", "--info"},
                new String[] {"--info", "--validate"})) {
            Run usage = cli(args);
            assertEquals(Cli.USAGE, usage.exit(), String.join(" ", args));
            assertTrue(usage.err().contains("only reads") || usage.err().contains("not both"), usage.err());
        }
    }
}
