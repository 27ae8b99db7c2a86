package com.spooltracker.extendschema;

import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.logging.Redaction;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function's settings, read once from the environment. Each variable may also be given as a JVM
 * system property of the same name (e.g. {@code mvn function:run -DSPREADSHEET_ID=…}), which wins.
 * The request never chooses the spreadsheet or the sheet.
 *
 * @param spreadsheetId empty: local mode (embedded emulator) off Cloud Run, a configuration error on it
 * @param unionesSheet {@code UNIONES_SHEET}: the sheet the metrics refresh computes the metrics from
 * @param auditSheet {@code AUDIT_SHEET}: the function's own audit trail, created on first use; empty: no audit
 * @param metadataSheet {@code METADATA_SHEET}: the tracker's event log, which the tracker parses row by row
 * @param migrationsDir {@code MIGRATIONS_DIR}: a readable directory of migration files used instead of the
 *     shipped ones
 * @param emulatorHost {@code host:port} of a Sheets emulator; when set, no credentials are used
 * @param onCloudRun {@code K_SERVICE} is set
 * @param projectId {@code GOOGLE_CLOUD_PROJECT} (else {@code GCP_PROJECT}), for linking log entries to traces
 * @param deadline {@code SHEETS_DEADLINE_SECONDS}: how long a run keeps retrying Sheets calls
 * @param readTimeout {@code SHEETS_READ_TIMEOUT_SECONDS}: how long one call may wait for its answer
 * @param initialBackoff {@code SHEETS_BACKOFF_INITIAL_MS}: the first pause before a retry (it then
 *     doubles, with jitter); lower it only in tests
 */
public record Config(
        Optional<String> spreadsheetId,
        String sheetName,
        String keyColumn,
        String unionesSheet,
        String auditSheet,
        String metadataSheet,
        Optional<Path> migrationsDir,
        Optional<String> emulatorHost,
        boolean onCloudRun,
        Optional<String> projectId,
        Duration deadline,
        Duration readTimeout,
        Duration initialBackoff) {

    public static final String DEFAULT_SHEET = "Operaciones";
    public static final String DEFAULT_KEY_COLUMN = "TAG_SPOOL";
    public static final String DEFAULT_AUDIT_SHEET = "extendSchema_log";
    public static final String DEFAULT_METADATA_SHEET = "Metadata";
    public static final String DEFAULT_UNIONES_SHEET = "Uniones";
    static final int DEFAULT_DEADLINE_SECONDS = 120;
    static final int DEFAULT_READ_TIMEOUT_SECONDS = 60;
    static final int DEFAULT_BACKOFF_INITIAL_MS = 500;

    public static Config fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** @throws Failure.NotConfigured naming the variable that is wrong */
    public static Config from(Map<String, String> env, Properties properties) {
        Settings settings = new Settings(env, properties);
        Config config = new Config(
                settings.optional("SPREADSHEET_ID"),
                settings.optional("SHEET_NAME").orElse(DEFAULT_SHEET),
                settings.optional("KEY_COLUMN").orElse(DEFAULT_KEY_COLUMN),
                settings.optional("UNIONES_SHEET").orElse(DEFAULT_UNIONES_SHEET),
                settings.value("AUDIT_SHEET").orElse(DEFAULT_AUDIT_SHEET).trim(),
                settings.optional("METADATA_SHEET").orElse(DEFAULT_METADATA_SHEET),
                settings.optional("MIGRATIONS_DIR").map(Config::migrationsDir),
                settings.optional("SHEETS_EMULATOR_HOST").map(Config::emulatorHost),
                settings.optional("K_SERVICE").isPresent(),
                settings.optional("GOOGLE_CLOUD_PROJECT").or(() -> settings.optional("GCP_PROJECT")),
                Duration.ofSeconds(settings.seconds("SHEETS_DEADLINE_SECONDS", DEFAULT_DEADLINE_SECONDS)),
                Duration.ofSeconds(settings.seconds("SHEETS_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS)),
                Duration.ofMillis(settings.whole(
                        "SHEETS_BACKOFF_INITIAL_MS", DEFAULT_BACKOFF_INITIAL_MS, 60_000, "milliseconds")));
        config.checkSheets();
        return config;
    }

    /**
     * The audit row must not land among the spools: it would look like a spool to the next run, which
     * would fill its metrics and audit again, so the sheet would never be up to date. Sheet titles are
     * unique regardless of case in Google Sheets, so the comparison ignores case too.
     */
    private void checkSheets() {
        if (auditEnabled() && auditSheet.equalsIgnoreCase(sheetName)) {
            throw new Failure.NotConfigured("AUDIT_SHEET is '" + auditSheet + "', the sheet being migrated "
                    + "(SHEET_NAME). Audit rows would land among the spools. Set AUDIT_SHEET to another sheet "
                    + "(default " + DEFAULT_AUDIT_SHEET + "), or to \"\" to write no audit row.");
        }
        // The metrics are read from the unions: migrating that sheet would add five columns to it and
        // write metrics there, and audit rows there would be counted as unions.
        if (sheetName.equalsIgnoreCase(unionesSheet)) {
            throw new Failure.NotConfigured("SHEET_NAME is '" + sheetName + "', the sheet the metrics are "
                    + "computed from (UNIONES_SHEET, default " + DEFAULT_UNIONES_SHEET + "). Set SHEET_NAME to the "
                    + "sheet of spools (default " + DEFAULT_SHEET + ").");
        }
        if (auditEnabled() && auditSheet.equalsIgnoreCase(unionesSheet)) {
            throw new Failure.NotConfigured("AUDIT_SHEET is '" + auditSheet + "', the sheet the metrics are "
                    + "computed from (UNIONES_SHEET, default " + DEFAULT_UNIONES_SHEET + "). Audit rows would be "
                    + "counted as unions. Set AUDIT_SHEET to another sheet (default " + DEFAULT_AUDIT_SHEET
                    + "), or to \"\" to write no audit row.");
        }
        // The tracker reads every row of its event log as one of its own events, and warns on each row
        // whose Evento_Tipo it does not know: ours would add a warning per run, dozens a day.
        if (auditEnabled() && auditSheet.equalsIgnoreCase(metadataSheet)) {
            throw new Failure.NotConfigured("AUDIT_SHEET is '" + auditSheet + "', the tracker's event log "
                    + "(METADATA_SHEET, default " + DEFAULT_METADATA_SHEET + "). The tracker parses every row of "
                    + "it and warns on each audit row. Set AUDIT_SHEET to a sheet of its own (default "
                    + DEFAULT_AUDIT_SHEET + ", created on the first run that writes), or to \"\" to write no "
                    + "audit row.");
        }
        if (metadataSheet.equalsIgnoreCase(sheetName)) {
            throw new Failure.NotConfigured("METADATA_SHEET is '" + metadataSheet + "', the sheet being "
                    + "migrated (SHEET_NAME). Set METADATA_SHEET to the tracker's event log (default "
                    + DEFAULT_METADATA_SHEET + ").");
        }
        if (metadataSheet.equalsIgnoreCase(unionesSheet)) {
            throw new Failure.NotConfigured("METADATA_SHEET is '" + metadataSheet + "', the sheet the metrics "
                    + "are computed from (UNIONES_SHEET, default " + DEFAULT_UNIONES_SHEET + "). Set METADATA_SHEET "
                    + "to the tracker's event log (default " + DEFAULT_METADATA_SHEET + ").");
        }
    }

    /**
     * {@code raw} when it is {@code host:port} (an IPv6 host in brackets), the form the emulator's
     * address is used in. Checked here, because a missing port would otherwise only show as a run
     * that cannot connect, much later and less clearly.
     *
     * @throws Failure.NotConfigured naming SHEETS_EMULATOR_HOST and the value
     */
    static String emulatorHost(String raw) {
        Matcher hostPort = HOST_PORT.matcher(raw);
        if (hostPort.matches()) {
            int port = Integer.parseInt(hostPort.group(2));
            if (port >= 1 && port <= 65535) {
                return raw;
            }
        }
        throw new Failure.NotConfigured("SHEETS_EMULATOR_HOST must be HOST:PORT, the address the Sheets emulator "
                + "listens on (e.g. 127.0.0.1:9090, a port from 1 to 65535), not '" + Redaction.callerText(raw)
                + "'.");
    }

    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

    /** @throws Failure.NotConfigured unless {@code raw} names an existing directory this process can read */
    private static Path migrationsDir(String raw) {
        Path dir;
        try {
            dir = Path.of(raw);
        } catch (InvalidPathException e) {
            throw new Failure.NotConfigured("MIGRATIONS_DIR '" + raw + "' is not a valid path. Set it to a "
                    + "directory of migration files, or unset it to use the shipped ones.");
        }
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new Failure.NotConfigured("MIGRATIONS_DIR is '" + raw + "', which is not "
                    + (Files.exists(dir) ? "a directory this process can read" : "an existing directory")
                    + ". Set it to a readable directory of migration files, or unset it to use the shipped ones.");
        }
        return dir;
    }

    /** Whether runs write an audit row; {@code AUDIT_SHEET=""} turns it off. */
    public boolean auditEnabled() {
        return !auditSheet.isEmpty();
    }

    private record Settings(Map<String, String> env, Properties properties) {
        Optional<String> value(String name) {
            String property = properties.getProperty(name);
            return Optional.ofNullable(property != null ? property : env.get(name));
        }

        Optional<String> optional(String name) {
            return value(name).map(String::trim).filter(v -> !v.isEmpty());
        }

        int seconds(String name, int fallback) {
            return whole(name, fallback, 3600, "seconds");
        }

        int whole(String name, int fallback, int max, String unit) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value > 0 && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Failure.NotConfigured(
                    name + " must be a whole number of " + unit + " from 1 to " + max + ", not '" + raw.get() + "'.");
        }
    }
}
