package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
