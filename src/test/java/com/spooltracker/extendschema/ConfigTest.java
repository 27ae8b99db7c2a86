package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @Test
    void retrySettingsHaveDefaultsAndCanBeSetFromTheEnvironmentOrAProperty() {
        Config defaults = Config.from(Map.of(), new Properties());
        assertEquals(Duration.ofSeconds(120), defaults.deadline());
        assertEquals(Duration.ofSeconds(60), defaults.readTimeout());
        assertEquals(Duration.ofMillis(500), defaults.initialBackoff());

        Properties properties = new Properties();
        properties.setProperty("SHEETS_BACKOFF_INITIAL_MS", "40");
        Config set = Config.from(
                Map.of(
                        "SHEETS_DEADLINE_SECONDS",
                        "9",
                        "SHEETS_READ_TIMEOUT_SECONDS",
                        "3",
                        "SHEETS_BACKOFF_INITIAL_MS",
                        "900"),
                properties);
        assertEquals(Duration.ofSeconds(9), set.deadline());
        assertEquals(Duration.ofSeconds(3), set.readTimeout());
        assertEquals(Duration.ofMillis(40), set.initialBackoff(), "the property wins");
    }

    @Test
    void theDeadlineAndReadTimeoutAreSetInMillisecondsAndTheirSecondsFormsStillWork() {
        Config millis =
                Config.from(Map.of("SHEETS_DEADLINE_MS", "1500", "SHEETS_READ_TIMEOUT_MS", "250"), new Properties());
        assertEquals(Duration.ofMillis(1500), millis.deadline());
        assertEquals(Duration.ofMillis(250), millis.readTimeout());

        Properties properties = new Properties();
        properties.setProperty("SHEETS_DEADLINE_MS", "700");
        Config propertyWins = Config.from(Map.of("SHEETS_DEADLINE_MS", "9000"), properties);
        assertEquals(Duration.ofMillis(700), propertyWins.deadline(), "the property wins");
        assertEquals(Duration.ofMillis(700), propertyWins.retryPolicy().deadline());
        assertEquals(Duration.ofSeconds(60), propertyWins.retryPolicy().readTimeout());
    }

    @Test
    void aDurationGivenBothInMillisecondsAndInSecondsIsRefusedNamingBoth() {
        for (String name : new String[] {"SHEETS_DEADLINE", "SHEETS_READ_TIMEOUT"}) {
            Failure failure = assertThrows(
                    Failure.NotConfigured.class,
                    () -> Config.from(Map.of(name + "_MS", "2000", name + "_SECONDS", "2"), new Properties()));
            assertEquals(
                    name + "_MS and " + name + "_SECONDS are both set ('2000' and '2'). Set only " + name
                            + "_MS, in milliseconds (" + name + "_SECONDS is its older form, in seconds).",
                    failure.getMessage());
        }
        Properties seconds = new Properties();
        seconds.setProperty("SHEETS_DEADLINE_SECONDS", "3");
        assertThrows(
                Failure.NotConfigured.class,
                () -> Config.from(Map.of("SHEETS_DEADLINE_MS", "3000"), seconds),
                "one from the environment, the other as a property");
    }

    @Test
    void aDurationOutsideOneMillisecondToAnHourIsAConfigurationErrorNamingTheSetting() {
        for (String bad : new String[] {"0", "-5", "3600001", "1.5", "slow"}) {
            Failure failure = assertThrows(
                    Failure.NotConfigured.class,
                    () -> Config.from(Map.of("SHEETS_DEADLINE_MS", bad), new Properties()));
            assertEquals(
                    "SHEETS_DEADLINE_MS must be a whole number of milliseconds from 1 to 3600000, not '" + bad + "'.",
                    failure.getMessage());
        }
        Failure failure = assertThrows(
                Failure.NotConfigured.class,
                () -> Config.from(Map.of("SHEETS_READ_TIMEOUT_SECONDS", "3601"), new Properties()));
        assertTrue(failure.getMessage().startsWith("SHEETS_READ_TIMEOUT_SECONDS must be a whole number of seconds"));
    }

    @Test
    void theDefaultsAreTheRetryPolicys() {
        assertEquals(
                RetryPolicy.defaults(), Config.from(Map.of(), new Properties()).retryPolicy());
    }

    @Test
    void theLogIsStructuredOnlyOnCloudRunWithTheProjectFromTheSettingsAPropertyWinning() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Properties project = new Properties();
        project.setProperty("GOOGLE_CLOUD_PROJECT", "from-property");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736/1;o=1";

        Config.log(Map.of("K_SERVICE", "extendschema", "GOOGLE_CLOUD_PROJECT", "from-env"), project, out)
                .info("cloud", null, trace);
        Config.log(Map.of("K_SERVICE", "extendschema", "GCP_PROJECT", "legacy"), new Properties(), out)
                .info("legacy", null, trace);
        Config.log(Map.of("GOOGLE_CLOUD_PROJECT", "spool-prod"), new Properties(), out)
                .info("local", null, trace);
        Properties onCloudRun = new Properties();
        onCloudRun.setProperty("K_SERVICE", "extendschema");
        // A wrong other setting does not change how the error is logged.
        Config.log(Map.of("SHEETS_DEADLINE_MS", "soon"), onCloudRun, out).info("misconfigured", null, null);

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(
                "projects/from-property/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                JsonParser.parseString(lines.get(0))
                        .getAsJsonObject()
                        .get("logging.googleapis.com/trace")
                        .getAsString());
        assertEquals(
                "projects/legacy/traces/4bf92f3577b34da6a3ce929d0e0e4736",
                JsonParser.parseString(lines.get(1))
                        .getAsJsonObject()
                        .get("logging.googleapis.com/trace")
                        .getAsString());
        assertEquals("INFO extendSchema: local", lines.get(2));
        assertEquals(
                "misconfigured",
                JsonParser.parseString(lines.get(3))
                        .getAsJsonObject()
                        .get("message")
                        .getAsString());
    }

    @Test
    void anEmulatorHostWithoutAPortIsAConfigurationErrorNamingTheSetting() {
        for (String bad : new String[] {"localhost", "127.0.0.1", "localhost:", "localhost:0", "h:65536", "h:p"}) {
            Failure failure = assertThrows(
                    Failure.NotConfigured.class,
                    () -> Config.from(Map.of("SHEETS_EMULATOR_HOST", bad), new Properties()));
            assertEquals(
                    "SHEETS_EMULATOR_HOST must be HOST:PORT, the address the Sheets emulator listens on (e.g. "
                            + "127.0.0.1:9090, a port from 1 to 65535), not '" + bad + "'.",
                    failure.getMessage());
        }
        for (String good : new String[] {"localhost:9090", "127.0.0.1:1", "[::1]:9090", "sheets-emulator:65535"}) {
            assertEquals(
                    Optional.of(good),
                    Config.from(Map.of("SHEETS_EMULATOR_HOST", good), new Properties())
                            .emulatorHost());
        }
    }

    @Test
    void aBackoffOutsideOneMillisecondToOneMinuteIsAConfigurationError() {
        for (String bad : new String[] {"0", "-5", "60001", "1.5", "fast"}) {
            Failure failure = assertThrows(
                    Failure.NotConfigured.class,
                    () -> Config.from(Map.of("SHEETS_BACKOFF_INITIAL_MS", bad), new Properties()));
            assertTrue(failure.getMessage().contains("SHEETS_BACKOFF_INITIAL_MS"), failure.getMessage());
        }
    }

    @Test
    void anAuditSheetThatIsTheMigratedSheetIsAConfigurationErrorWhateverItsCase() {
        for (Map<String, String> env : new Map[] {
            Map.of("AUDIT_SHEET", "Operaciones"),
            Map.of("AUDIT_SHEET", " operaciones "),
            Map.of("SHEET_NAME", "Hoja", "AUDIT_SHEET", "HOJA")
        }) {
            Failure failure = assertThrows(Failure.NotConfigured.class, () -> Config.from(env, new Properties()));
            assertTrue(
                    failure.getMessage().contains("AUDIT_SHEET")
                            && failure.getMessage().contains("among the spools"),
                    failure.getMessage());
        }
        assertEquals(
                "", Config.from(Map.of("AUDIT_SHEET", ""), new Properties()).auditSheet(), "auditing off is fine");
    }

    @Test
    void theSheetToMigrateOrTheAuditSheetNamingTheUnionesSheetIsAConfigurationErrorWhateverItsCase() {
        Properties soldaduras = new Properties();
        soldaduras.setProperty("UNIONES_SHEET", "Soldaduras");
        for (Map<String, String> env : new Map[] {
            Map.of("SHEET_NAME", "Uniones"),
            Map.of("SHEET_NAME", " uniones "),
            Map.of("SHEET_NAME", "Soldaduras", "UNIONES_SHEET", "SOLDADURAS"),
            Map.of("AUDIT_SHEET", "Uniones"),
            Map.of("AUDIT_SHEET", "UNIONES"),
            Map.of("AUDIT_SHEET", "soldaduras", "UNIONES_SHEET", "Soldaduras")
        }) {
            Failure failure = assertThrows(Failure.NotConfigured.class, () -> Config.from(env, new Properties()));
            assertTrue(failure.getMessage().contains("UNIONES_SHEET"), failure.getMessage());
        }
        assertThrows(
                Failure.NotConfigured.class,
                () -> Config.from(Map.of("SHEET_NAME", "Soldaduras"), soldaduras),
                "the property is read like the other settings");
        assertEquals("Uniones", Config.from(Map.of(), new Properties()).unionesSheet());
        assertEquals("Soldaduras", Config.from(Map.of(), soldaduras).unionesSheet());
        assertEquals(
                "Uniones",
                Config.from(Map.of("UNIONES_SHEET", "Soldaduras", "AUDIT_SHEET", "Uniones"), new Properties())
                        .auditSheet(),
                "another UNIONES_SHEET frees the name");
        assertEquals(
                "",
                Config.from(Map.of("AUDIT_SHEET", "", "UNIONES_SHEET", ""), new Properties())
                        .auditSheet());
    }

    @Test
    void theAuditTrailHasASheetOfItsOwnAndTheTrackersEventLogIsMetadata() {
        Config defaults = Config.from(Map.of(), new Properties());
        assertEquals("extendSchema_log", defaults.auditSheet());
        assertEquals("Metadata", defaults.metadataSheet());
        assertEquals(Optional.empty(), defaults.migrationsDir());
        assertEquals(
                "Eventos",
                Config.from(Map.of("METADATA_SHEET", " Eventos "), new Properties())
                        .metadataSheet());
    }

    @Test
    void anAuditSheetThatIsTheTrackersEventLogIsAConfigurationErrorWhateverItsCase() {
        for (Map<String, String> env : new Map[] {
            Map.of("AUDIT_SHEET", "Metadata"),
            Map.of("AUDIT_SHEET", " METADATA "),
            Map.of("AUDIT_SHEET", "eventos", "METADATA_SHEET", "Eventos")
        }) {
            Failure failure = assertThrows(Failure.NotConfigured.class, () -> Config.from(env, new Properties()));
            assertTrue(
                    failure.getMessage().contains("AUDIT_SHEET")
                            && failure.getMessage().contains("METADATA_SHEET")
                            && failure.getMessage().contains("parses every row"),
                    failure.getMessage());
        }
        assertEquals(
                "Metadata",
                Config.from(Map.of("AUDIT_SHEET", "Metadata", "METADATA_SHEET", "Eventos"), new Properties())
                        .auditSheet(),
                "another METADATA_SHEET frees the name");
        assertEquals(
                "",
                Config.from(Map.of("AUDIT_SHEET", "", "METADATA_SHEET", "Metadata"), new Properties())
                        .auditSheet(),
                "auditing off is fine");
    }

    @Test
    void theTrackersEventLogNamingTheMigratedOrTheUnionesSheetIsAConfigurationError() {
        for (Map<String, String> env : new Map[] {
            Map.of("METADATA_SHEET", "operaciones"),
            Map.of("METADATA_SHEET", "Hoja", "SHEET_NAME", "HOJA"),
            Map.of("METADATA_SHEET", "Uniones"),
            Map.of("METADATA_SHEET", "soldaduras", "UNIONES_SHEET", "Soldaduras")
        }) {
            Failure failure = assertThrows(Failure.NotConfigured.class, () -> Config.from(env, new Properties()));
            assertTrue(
                    failure.getMessage().startsWith("METADATA_SHEET is")
                            && (failure.getMessage().contains("SHEET_NAME")
                                    || failure.getMessage().contains("UNIONES_SHEET")),
                    failure.getMessage());
        }
    }

    @Test
    void aMigrationsDirectoryMustBeAnExistingDirectory(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("V5__more.json"), "{}");
        assertEquals(
                Optional.of(temp),
                Config.from(Map.of("MIGRATIONS_DIR", temp.toString()), new Properties())
                        .migrationsDir());
        Properties property = new Properties();
        property.setProperty("MIGRATIONS_DIR", temp.toString());
        assertEquals(
                Optional.of(temp),
                Config.from(Map.of(), property).migrationsDir(),
                "the property is read like the other settings");
        for (Path bad : new Path[] {temp.resolve("missing"), file}) {
            Failure failure = assertThrows(
                    Failure.NotConfigured.class,
                    () -> Config.from(Map.of("MIGRATIONS_DIR", bad.toString()), new Properties()));
            assertTrue(
                    failure.getMessage().contains("MIGRATIONS_DIR")
                            && failure.getMessage().contains(bad.toString()),
                    failure.getMessage());
        }
    }
}
