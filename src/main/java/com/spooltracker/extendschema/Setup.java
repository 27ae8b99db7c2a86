package com.spooltracker.extendschema;

import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.migrations.MigrationFiles;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.sheets.RetryClock;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires an {@link Engine} from a {@link Config}: against Google with Application Default
 * Credentials, against the emulator at {@code SHEETS_EMULATOR_HOST}, or (local default: no
 * spreadsheet configured, not on Cloud Run) against the {@link LocalSheets} on the class path, the
 * embedded emulator serving the demo spreadsheet. A configuration error is kept and reported on every
 * request instead of failing start-up.
 */
public final class Setup {
    public static final String DEMO_SPREADSHEET = "demo";
    static final String NO_LOCAL_SHEETS = "SPREADSHEET_ID is not set, and this build has no embedded Sheets "
            + "emulator to run against. To try it locally on the demo spreadsheet, build with the local profile: "
            + "`mvn -Plocal function:run` (or `mvn -q -Plocal compile exec:java@cli`); to use a running emulator, "
            + "set SHEETS_EMULATOR_HOST=host:port; to use Google Sheets, set SPREADSHEET_ID (README, Run it locally).";

    private final Engine engine;
    private final Failure misconfiguration;
    private final String localModeNotice;

    private Setup(Engine engine, Failure misconfiguration, String localModeNotice) {
        this.engine = engine;
        this.misconfiguration = misconfiguration;
        this.localModeNotice = localModeNotice;
    }

    public static Setup from(Config config) {
        return from(config, LocalSheets::find, RetryClock.SYSTEM);
    }

    /** @param localSheets asked only when no spreadsheet and no emulator host is configured, off Cloud Run */
    static Setup from(Config config, Supplier<Optional<LocalSheets>> localSheets) {
        return from(config, localSheets, RetryClock.SYSTEM);
    }

    /**
     * @param localSheets asked only when no spreadsheet and no emulator host is configured, off Cloud Run
     * @param clock what the retries of Sheets calls keep time by: the system's, but for tests that must not
     *     wait on the wall clock for a backoff
     */
    static Setup from(Config config, Supplier<Optional<LocalSheets>> localSheets, RetryClock clock) {
        RetryPolicy policy = config.retryPolicy();
        if (config.spreadsheetId().isEmpty() && config.onCloudRun()) {
            return failed(new Failure.NotConfigured("SPREADSHEET_ID is not set. Set it in function.yaml's "
                    + "environment and deploy again (deploy.sh), or with gcloud functions deploy --update-env-vars."));
        }
        SheetsClientFactory clients;
        String spreadsheetId;
        String notice = null;
        if (config.emulatorHost().isPresent()) {
            clients = SheetsClientFactory.emulator(config.emulatorHost().get());
            spreadsheetId = config.spreadsheetId().orElse(DEMO_SPREADSHEET);
        } else if (config.spreadsheetId().isPresent()) {
            clients = SheetsClientFactory.google();
            spreadsheetId = config.spreadsheetId().get();
        } else {
            Optional<LocalSheets> local = localSheets.get();
            if (local.isEmpty()) {
                return failed(new Failure.NotConfigured(NO_LOCAL_SHEETS));
            }
            LocalSheets.Endpoint endpoint = local.get().start();
            clients = SheetsClientFactory.emulator(endpoint.hostPort());
            spreadsheetId = endpoint.spreadsheetId();
            notice = "LOCAL MODE: SPREADSHEET_ID is not set, so this runs against the embedded Sheets emulator " + "at "
                    + endpoint.rootUrl() + " (spreadsheet '" + spreadsheetId + "'), not Google Sheets.";
        }
        Target target = new Target(
                spreadsheetId,
                config.sheetName(),
                config.keyColumn(),
                config.auditEnabled() ? Optional.of(config.auditSheet()) : Optional.empty(),
                config.unionesSheet(),
                config.metadataSheet());
        Schema schema;
        try {
            schema = config.migrationsDir()
                    .map(dir -> Schema.of(MigrationFiles.from(dir)))
                    .orElseGet(Schema::shipped);
        } catch (MigrationFiles.Invalid invalid) {
            return failed(new Failure.NotConfigured(invalid.getMessage()
                    + config.migrationsDir()
                            .map(d -> " (MIGRATIONS_DIR is " + d + ")")
                            .orElse("")));
        }
        return new Setup(
                Engine.of(clients.withClock(clock), target, policy, ColumnMapCache.shared(), Clock.systemUTC(), schema),
                null,
                notice);
    }

    /** A setup around an engine wired by the caller (tests that need their own clients). */
    static Setup of(Engine engine) {
        return new Setup(engine, null, null);
    }

    public static Setup failed(Failure misconfiguration) {
        return new Setup(null, misconfiguration, null);
    }

    /**
     * The migration, then the metrics refresh when asked: what the shells run.
     *
     * @throws Failure the configuration error, if the configuration is wrong
     */
    public Engine engine() {
        if (misconfiguration != null) {
            throw misconfiguration;
        }
        return engine;
    }

    /** Set in local mode: every response and the start-up log say so. */
    public Optional<String> localModeNotice() {
        return Optional.ofNullable(localModeNotice);
    }
}
