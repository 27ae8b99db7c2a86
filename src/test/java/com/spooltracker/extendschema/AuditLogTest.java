package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.AUDIT_HEADER;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.rows;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.sheets.ApiCallCounter;
import com.spooltracker.extendschema.sheets.RetryListener;
import com.spooltracker.extendschema.sheets.RetryPolicy;
import com.spooltracker.extendschema.sheets.SheetsClientFactory;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import com.spooltracker.extendschema.testing.Seed;
import io.sheetsemulator.SheetsEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit step on its own, through the real Sheets client into the emulator. */
class AuditLogTest {
    private static final Instant NOW = Instant.parse("2026-12-04T20:45:53Z");

    @Test
    void aRowHoldsTheTimeTheEventTheActionTheIdentityAndTheDetailsInASheetItCreates() {
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(Seed.spreadsheet("s1").sheet("Operaciones", 5, 5).build());
            JsonObject details = new JsonObject();
            details.addProperty("cellsWritten", 7);

            RunResult.Audit audit = new AuditLog(Optional.of("Registro"), Clock.fixed(NOW, ZoneOffset.UTC))
                    .record(
                            gateway(emulator, Optional.of("extendschema-runtime@p.iam.gserviceaccount.com")),
                            new AuditLog.Entry("METRICS_REFRESH", "REFRESH_METRICS", details),
                            "Done.");

            assertEquals(RunResult.Audit.Outcome.WRITTEN, audit.outcome(), audit.message());
            JsonObject registro = sheet(emulator.dump("s1"), "Registro");
            assertEquals(AUDIT_HEADER, header(registro));
            JsonArray row = rows(registro).get(1).getAsJsonArray();
            assertEquals(
                    "[\"2026-12-04T20:45:53Z\",\"METRICS_REFRESH\",\"REFRESH_METRICS\","
                            + "\"extendschema-runtime@p.iam.gserviceaccount.com\",\"{\\\"cellsWritten\\\":7}\"]",
                    row.toString());
            assertEquals(AuditLog.sheetIdOf("Registro"), registro.get("sheetId").getAsInt());
        }
    }

    @Test
    void anIdentityThatIsOnlyADescriptionIsLeftOut() {
        try (SheetsEmulator emulator = SheetsEmulator.start()) {
            emulator.seed(Seed.spreadsheet("s1").sheet("Operaciones", 5, 5).build());

            new AuditLog(Optional.of("Registro"), Clock.fixed(NOW, ZoneOffset.UTC))
                    .record(
                            gateway(emulator, Optional.of("the account of the Application Default Credentials")),
                            new AuditLog.Entry("SCHEMA_MIGRATION", "ADD_COLUMNS", new JsonObject()),
                            "Done.");

            JsonArray row = rows(sheet(emulator.dump("s1"), "Registro")).get(1).getAsJsonArray();
            assertEquals("", row.get(3).isJsonNull() ? "" : row.get(3).getAsString());
        }
    }

    @Test
    void theSheetIdIsFixedByTheTitleWhateverItsCase() {
        assertEquals(AuditLog.sheetIdOf("extendSchema_log"), AuditLog.sheetIdOf("EXTENDSCHEMA_LOG"));
        assertNotEquals(AuditLog.sheetIdOf("extendSchema_log"), AuditLog.sheetIdOf("Registro"));
        assertNotEquals(0, AuditLog.sheetIdOf("extendSchema_log"), "0 is a new spreadsheet's first sheet");
    }

    private static SheetsGateway gateway(SheetsEmulator emulator, Optional<String> identity) {
        return new SheetsGateway(
                SheetsClientFactory.emulator(emulator.hostPort())
                        .client(
                                RetryPolicy.withDeadline(Duration.ofSeconds(5)),
                                new ApiCallCounter(),
                                RetryListener.NONE),
                "s1",
                () -> identity);
    }
}
