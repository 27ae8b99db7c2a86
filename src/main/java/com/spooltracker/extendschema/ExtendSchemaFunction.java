package com.spooltracker.extendschema;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.logging.Log;
import com.spooltracker.extendschema.sheets.RetryClock;
import com.spooltracker.extendschema.sheets.RetryListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP function {@code extendSchema}: {@code POST} migrates the sheet, {@code POST ?dryRun=true}
 * (or {@code {"dryRun": true}}) and {@code GET} only plan; {@code refreshMetrics=true} (or
 * {@code {"refreshMetrics": true}}) then fills the metric columns from Uniones; {@code GET ?validate=true} and
 * {@code ?info=true} check and list the migrations. A thin shell: parse the request, run the {@link Engine}, answer
 * JSON ({@link CallReport}, {@link SchemaReport}) and log what the answer says. Configuration is read once per
 * instance.
 */
public final class ExtendSchemaFunction implements HttpFunction {
    private static final String TRACE_HEADER = "X-Cloud-Trace-Context";

    private final Setup setup;
    private final Log log;

    public ExtendSchemaFunction() {
        this(RetryClock.SYSTEM);
    }

    /** As deployed, but the retries of Sheets calls keep time by {@code clock} (tests: one that does not sleep). */
    ExtendSchemaFunction(RetryClock clock) {
        this(configure(clock));
    }

    private ExtendSchemaFunction(Wiring wiring) {
        this(wiring.setup(), wiring.log());
    }

    ExtendSchemaFunction(Setup setup, Log log) {
        this.setup = setup;
        this.log = log;
        setup.localModeNotice().ifPresent(notice -> log.warning(notice, null, null));
        try {
            setup.engine();
        } catch (Failure misconfigured) {
            log.error("Misconfigured: " + misconfigured.getMessage(), null, null);
        }
    }

    private record Wiring(Setup setup, Log log) {}

    /**
     * Structured (Cloud Logging) lines on Cloud Run, readable ones elsewhere; a bad configuration is kept, not
     * thrown. Off Cloud Run, a port already in use is thrown: a second local server must not start beside the first.
     */
    private static Wiring configure(RetryClock clock) {
        try {
            Config config = Config.fromEnvironment();
            if (!config.onCloudRun()) {
                InvokerPort.of(System.getenv(), System.getProperties()).ifPresent(InvokerPort::ensureFree);
            }
            return new Wiring(Setup.from(config, LocalSheets::find, clock), config.log(System.out));
        } catch (Failure failure) {
            return new Wiring(Setup.failed(failure), Config.log(System.getenv(), System.getProperties(), System.out));
        }
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        long started = System.nanoTime();
        String trace = request.getFirstHeader(TRACE_HEADER).orElse(null);
        int status;
        JsonObject body;
        try {
            RunOptions options = RunOptions.parse(
                    request.getMethod(), queryParameters(request), request.getContentType(), readBody(request));
            Engine engine = setup.engine();
            if (options.operation() == RunOptions.Operation.MIGRATE) {
                Engine.Outcome outcome =
                        engine.run(options, retry -> log.warning(retry.message(), retry.fields(), trace));
                status = 200;
                body = CallReport.toJson(outcome, engine.target(), options.showRequests());
                // The log line is made from the answer, so the two agree field by field.
                log.info(CallReport.logMessage(body), CallReport.logFields(body), trace);
                for (var warning : body.getAsJsonArray("warnings")) {
                    log.warning(warning.getAsString(), null, trace);
                }
            } else {
                RetryListener retries = retry -> log.warning(retry.message(), retry.fields(), trace);
                if (options.operation() == RunOptions.Operation.VALIDATE) {
                    SchemaInspection.Validation validation = engine.validate(retries);
                    // Findings are the caller's to act on, as a refused migration's are: 409, as the tracker's
                    // own start-up check would refuse to start.
                    status = validation.valid() ? 200 : 409;
                    body = SchemaReport.toJson(validation, engine.target().spreadsheetId());
                    log.info("extendSchema validate: " + SchemaReport.message(validation), null, trace);
                } else {
                    status = 200;
                    body = SchemaReport.toJson(
                            engine.info(retries), engine.target().spreadsheetId());
                }
            }
        } catch (Failure failure) {
            status = failure.httpStatus();
            body = ErrorResponse.body(failure);
            ErrorResponse.headers(failure).forEach(response::appendHeader);
            logFailure(request.getMethod(), failure, started, trace);
        } catch (RuntimeException bug) {
            Failure internal = new Failure.Internal(bug);
            status = internal.httpStatus();
            body = ErrorResponse.body(internal);
            logFailure(request.getMethod(), internal, started, trace);
        }
        JsonObject answer = body;
        setup.localModeNotice().ifPresent(notice -> answer.addProperty("localMode", notice));
        response.setStatusCode(status);
        response.setContentType("application/json; charset=utf-8");
        response.appendHeader("Cache-Control", "no-store");
        try (Writer writer = response.getWriter()) {
            writer.write(answer.toString());
            writer.write('\n');
        }
    }

    /** The decoded query; a query the server cannot decode (e.g. not UTF-8) is the caller's mistake, not ours. */
    private static Map<String, List<String>> queryParameters(HttpRequest request) {
        try {
            return request.getQueryParameters();
        } catch (RuntimeException undecodable) {
            throw new Failure.BadRequest("The query string could not be decoded (it must be percent-encoded UTF-8). "
                    + "The options are dryRun=true|false, showRequests=true|false and refreshMetrics=true|false.");
        }
    }

    private static byte[] readBody(HttpRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(RunOptions.MAX_BODY_BYTES + 1);
        }
    }

    private void logFailure(String method, Failure failure, long startedNanos, String trace) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", failure.status());
        fields.put("httpStatus", failure.httpStatus());
        fields.put("method", method);
        fields.put("durationMs", (System.nanoTime() - startedNanos) / 1_000_000);
        String message = "extendSchema " + failure.status() + ": " + failure.getMessage();
        if (failure.httpStatus() < 500) {
            log.warning(message, fields, trace);
            return;
        }
        if (failure instanceof Failure.Internal && failure.getCause() != null) {
            StringWriter stack = new StringWriter();
            failure.getCause().printStackTrace(new PrintWriter(stack));
            message += "\n" + stack;
        } else if (failure.getCause() != null) {
            // An upstream failure: its message is already a summary. The cause's own message would
            // carry Google's raw error body, so only its type is logged.
            fields.put("cause", failure.getCause().getClass().getSimpleName());
        }
        log.error(message, fields, trace);
    }
}
