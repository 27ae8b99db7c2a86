package io.sheetsemulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FaultRule;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SheetsEmulatorExtensionTest {

    @RegisterExtension
    static final SheetsEmulatorExtension SHEETS = new SheetsEmulatorExtension();

    private static int firstPort;

    private static Sheets client() {
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
                .setRootUrl(SHEETS.rootUrl())
                .setApplicationName("extension-test")
                .build();
    }

    @Test
    @Order(1)
    void aTestGetsARunningEmulatorTheRealClientTalksTo() throws Exception {
        firstPort = SHEETS.emulator().port();
        SHEETS.emulator().seed("{\"spreadsheetId\":\"s1\",\"sheets\":[{\"title\":\"S\",\"rows\":[[\"x\"]]}]}");
        SHEETS.emulator().addFault(FaultRule.on("values.update").times(0).status(500));
        assertEquals(
                List.of(List.of("x")),
                client().spreadsheets().values().get("s1", "S!A1").execute().getValues());
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSameEmulatorReset(SheetsEmulator emulator) {
        assertSame(SHEETS.emulator(), emulator, "a SheetsEmulator parameter is the extension's emulator");
        assertEquals(firstPort, emulator.port(), "one emulator for the class");
        assertEquals(List.of(), emulator.spreadsheetIds());
        assertEquals(0, emulator.counters().calls());
        assertTrue(emulator.requestLog().isEmpty());
        assertEquals(0, emulator.faults().size(), "faults are dropped too");
    }

    @Nested
    class InAnInstanceField {

        @RegisterExtension
        final SheetsEmulatorExtension own = new SheetsEmulatorExtension();

        @Test
        void eachTestGetsAnEmulatorOfItsOwn() {
            assertTrue(own.emulator().port() != SHEETS.emulator().port());
        }
    }

    @Test
    void outsideItsTestsTheExtensionHasNoEmulator() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new SheetsEmulatorExtension().emulator());
        assertTrue(e.getMessage().contains("only while the tests"));
    }
}
