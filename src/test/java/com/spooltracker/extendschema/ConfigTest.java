package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
}
