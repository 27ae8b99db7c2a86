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
}
