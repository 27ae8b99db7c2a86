package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import io.sheetsemulator.junit.SheetsEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An outside project's test: the emulator through its JUnit 5 extension, the real Sheets client on the wire. */
class AdopterTest {

    @RegisterExtension
    static final SheetsEmulatorExtension SHEETS = new SheetsEmulatorExtension();

    private Sheets sheets;

    @BeforeEach
    void seed() {
        SHEETS.emulator()
                .seed("{\"spreadsheetId\":\"inventory\",\"sheets\":[{\"title\":\"Stock\",\"rows\":[[\"bolt\",12]]}]}");
        sheets = new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
                .setRootUrl(SHEETS.rootUrl())
                .setApplicationName("adopter")
                .build();
    }

    @Test
    void theClientReadsTheSeededSheetAndTheEmulatorRecordsTheRequest() throws Exception {
        List<List<Object>> values = sheets.spreadsheets()
                .values()
                .get("inventory", "Stock!A1:B1")
                .execute()
                .getValues();

        assertEquals(List.of(List.of("bolt", "12")), values);
        RequestRecord request = SHEETS.emulator().takeRequest(Duration.ofSeconds(5));
        assertEquals("values.get", request.endpoint());
        assertTrue(request.header("User-Agent").startsWith("adopter"), request.headers().toString());
    }

    @Test
    void aWriteIsRecordedWithItsBodyAndAFaultReachesTheClient() throws Exception {
        sheets.spreadsheets()
                .values()
                .update("inventory", "Stock!B1", new ValueRange().setValues(List.of(List.of(13))))
                .setValueInputOption("RAW")
                .execute();
        assertTrue(SHEETS.emulator().takeRequest(Duration.ofSeconds(5)).body().contains("[[13]]"));

        SHEETS.emulator().addFault(FaultRule.on("values.get").status(503));
        GoogleJsonResponseException refused = assertThrows(GoogleJsonResponseException.class, () -> sheets.spreadsheets()
                .values()
                .get("inventory", "Stock!B1")
                .execute());
        assertEquals(503, refused.getStatusCode());
    }
}
