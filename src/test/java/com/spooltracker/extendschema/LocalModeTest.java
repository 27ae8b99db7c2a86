package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import java.util.Map;
import java.util.Optional;
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

        Failure failure = assertThrows(Failure.class, setup::migration);
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
