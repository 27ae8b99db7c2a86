package com.spooltracker.extendschema;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.logging.Log;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.sheets.RetryClock;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import com.spooltracker.extendschema.testing.FakeCredentials;
import com.spooltracker.extendschema.testing.FakeRetryClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function as deployed (structured logs, credentials on every Sheets call), but calling the
 * emulator at {@code SHEETS_EMULATOR_HOST} with {@link FakeCredentials} and logging into {@link #logLines()};
 * its retries keep time by the fake clock {@value FakeRetryClock#PROPERTY} names, if set.
 */
public final class CredentialedFunction implements HttpFunction {
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final PrintStream LOG_STREAM = new PrintStream(LOG, true, StandardCharsets.UTF_8);

    private final ExtendSchemaFunction function;

    public CredentialedFunction() {
        Config config = Config.from(Map.of(), System.getProperties());
        SheetsClientFactory clients = SheetsClientFactory.at(
                        "http://" + config.emulatorHost().orElseThrow() + "/", new FakeCredentials())
                .withClock(FakeRetryClock.named(System.getProperties()).orElse(RetryClock.SYSTEM));
        Target target = new Target(
                config.spreadsheetId().orElseThrow(),
                config.sheetName(),
                config.keyColumn(),
                Optional.of(config.auditSheet()));
        Engine engine = Engine.of(
                clients, target, config.retryPolicy(), ColumnMapCache.shared(), Clock.systemUTC(), Schema.shipped());
        function = new ExtendSchemaFunction(Setup.of(engine), Log.create(true, "test-project", LOG_STREAM));
    }

    static List<String> logLines() {
        synchronized (LOG_STREAM) {
            return LOG.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        function.service(request, response);
    }
}
