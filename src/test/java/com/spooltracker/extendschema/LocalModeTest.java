package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the function does without a spreadsheet: the demo on an embedded emulator locally, a clear error on Cloud Run. */
class LocalModeTest {
    @Test
    void withoutASpreadsheetLocallyItRunsOnTheEmbeddedDemoAndSaysSoInEveryResponse() {
        try (FunctionServer function = FunctionServer.start(Map.of())) {
            Response dryRun = function.post("dryRun=true");

            assertEquals(200, dryRun.status(), dryRun::toString);
            assertEquals("demo", dryRun.json().get("spreadsheetId").getAsString());
            assertTrue(
                    dryRun.json().get("localMode").getAsString().contains("embedded Sheets emulator"),
                    dryRun::toString);
            assertTrue(
                    dryRun.json().get("message").getAsString().contains("5 columns would be added"), dryRun::toString);

            Response bad = function.post("dryRun=perhaps");
            assertEquals(400, bad.status());
            assertTrue(bad.json().has("localMode"), bad::toString);
        }
    }

    @Test
    void aSecondLocalServerOnTheSamePortRefusesToStartInsteadOfSplittingTheRequests() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String target = "com.spooltracker.extendschema.ExtendSchemaFunction";
        try (FunctionServer first = FunctionServer.start(target, Map.of(), port)) {
            assertEquals(200, first.post("dryRun=true").status());

            // The invoker listens with SO_REUSEPORT: without the check, this one would start and share the port.
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> FunctionServer.start(target, Map.of(), port).close());

            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertEquals(
                    "Port " + port + " is already in use, probably by another `mvn -Plocal function:run`. The"
                            + " Functions Framework invoker would listen beside it (it opens its port with"
                            + " SO_REUSEPORT), and the two would split the requests between them, each with its"
                            + " own demo spreadsheet in local mode. Stop the other one, or start this one on a free"
                            + " port: -Drun.port=" + (port + 1) + ".",
                    cause.getMessage());
            assertEquals(200, first.post("dryRun=true").status(), "the first one still serves");
        }
    }

    @Test
    void thePortToCheckIsRunPortElsePortElseMavensDefaultAndUnknownElsewhere() {
        Properties runPort = new Properties();
        runPort.setProperty("run.port", "8081");
        assertEquals(OptionalInt.of(8081), InvokerPort.of(Map.of("PORT", "9000"), runPort));
        assertEquals(OptionalInt.of(9000), InvokerPort.of(Map.of("PORT", "9000"), new Properties()));
        Properties maven = new Properties();
        maven.setProperty("maven.home", "/usr/share/maven");
        assertEquals(OptionalInt.of(8080), InvokerPort.of(Map.of(), maven));
        assertEquals(OptionalInt.empty(), InvokerPort.of(Map.of(), new Properties()));
    }

    @Test
    void onCloudRunWithoutASpreadsheetEveryRequestIsAClearConfigurationError() {
        try (FunctionServer function = FunctionServer.start(Map.of("K_SERVICE", "extendschema"))) {
            for (int i = 0; i < 2; i++) {
                Response response = function.post("dryRun=true");

                assertEquals(503, response.status(), response::toString);
                assertEquals("NOT_CONFIGURED", response.errorStatus());
                assertTrue(response.json().toString().contains("SPREADSHEET_ID"), response::toString);
            }
        }
    }

    @Test
    void withoutAnEmbeddedEmulatorOnTheClassPathLocallyTheErrorSaysHowToRunLocally() {
        Setup setup = Setup.from(Config.from(Map.of(), new Properties()), Optional::empty);

        Failure failure = assertThrows(Failure.class, setup::engine);
        assertEquals(503, failure.httpStatus());
        assertEquals("NOT_CONFIGURED", failure.status());
        assertTrue(failure.getMessage().contains("mvn -Plocal function:run"), failure::getMessage);
        assertTrue(failure.getMessage().contains("SPREADSHEET_ID"), failure::getMessage);
        assertTrue(setup.localModeNotice().isEmpty());
    }

    @Test
    void theEmbeddedEmulatorIsFoundThroughTheSeamNotImported() {
        LocalSheets.Endpoint endpoint = LocalSheets.find().orElseThrow().start();

        assertEquals("demo", endpoint.spreadsheetId());
        assertEquals(endpoint, LocalSheets.find().orElseThrow().start(), "one embedded emulator per JVM");
    }
}
