package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the refresh decides, and what its answer says, from the one read of Operaciones it decides from. */
class RefreshDecisionsTest {
    private static final int METRICS_FROM = 67;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("demo");

    @Test
    void aKeyHiddenByTheNumberFormatIsNoSpoolForTheMigrationNorForTheRefresh() {
        fixture.emulator().seed(DemoSpreadsheet.seed());
        fixture.emulator()
                .edit(
                        "demo",
                        "[{\"repeatCell\": {\"range\": {\"sheetId\": 0, \"startRowIndex\": 43, \"endRowIndex\": 44,"
                                + " \"startColumnIndex\": 6, \"endColumnIndex\": 7}, \"cell\": {\"userEnteredFormat\":"
                                + " {\"numberFormat\": {\"type\": \"NUMBER\", \"pattern\": \";;;\"}}},"
                                + " \"fields\": \"userEnteredFormat.numberFormat\"}}]");

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        for (int m = 0; m < 5; m++) {
            assertTrue(Dumps.isEmpty(cell(operaciones, 43, METRICS_FROM + m)), "BP44:BT44 stay empty");
        }
        assertTrue(!Dumps.isEmpty(cell(operaciones, 42, METRICS_FROM)), "the row above is a spool");
        assertEquals(
                DemoSpreadsheet.SPOOLS - 1,
                response.json().getAsJsonObject("metrics").get("rowsChecked").getAsInt());
    }

    @Test
    void aDryRunWithNoUnionesSheetSaysNothingWasWrittenAndWhatTheMigrationWouldDo() {
        seedV3SheetWithoutUniones();
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("refreshMetrics=true&dryRun=true");

        assertEquals(404, response.status(), response::toString);
        String message = response.json().getAsJsonObject("error").get("message").getAsString();
        assertTrue(message.contains("no sheet 'Uniones'"), message);
        assertFalse(message.contains("The migration step ran"), message);
        assertTrue(message.contains("Nothing was written"), message);
        assertTrue(message.contains("add Total_Uniones, Uniones_ARM_Completadas"), message);
        assertEquals(before, fixture.emulator().dump("demo"));
    }

    @Test
    void anApplyWithNoUnionesSheetSaysTheMigrationRan() {
        seedV3SheetWithoutUniones();

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(404, response.status(), response::toString);
        String message = response.json().getAsJsonObject("error").get("message").getAsString();
        assertTrue(message.contains("The migration step ran"), message);
        assertEquals(
                List.of(
                        "Total_Uniones",
                        "Uniones_ARM_Completadas",
                        "Uniones_SOLD_Completadas",
                        "Pulgadas_ARM",
                        "Pulgadas_SOLD"),
                Dumps.header(sheet(fixture.emulator().dump("demo"), "Operaciones"))
                        .subList(67, 72));
    }

    /** A v3.0 Operaciones with one spool, and no Uniones sheet. */
    private static void seedV3SheetWithoutUniones() {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 10, 67)
                .row(0, EarlierLayout.OPERACIONES_HEADERS)
                .cell(1, 0, "SP-1")
                .cell(1, 1, 7);
        fixture.emulator().seed(seed.build());
    }
}
