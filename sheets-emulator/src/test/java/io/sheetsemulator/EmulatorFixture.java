package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import io.sheetsemulator.control.FakeClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * One emulator per test class, reset before each test, driven by the real Sheets client (gzip on). Its
 * time is a {@link FakeClock}: quota windows slide and delay faults end only when a test advances it.
 */
abstract class EmulatorFixture {

    static FakeClock clock;
    static SheetsEmulator emu;
    static Sheets sheets;

    @BeforeAll
    static void startEmulator() {
        clock = new FakeClock();
        emu = SheetsEmulator.start(clock);
        sheets = client(emu);
    }

    @AfterAll
    static void stopEmulator() {
        emu.close();
    }

    @BeforeEach
    void resetEmulator() {
        emu.reset();
    }

    static Sheets client(SheetsEmulator emulator) {
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), req -> {})
                .setRootUrl(emulator.rootUrl())
                .setApplicationName("emulator-test")
                .build();
    }

    /** Seeds a small spreadsheet {@code s1}: Sheet1 (1000 x 26) and 'My Sheet' (10 x 5). */
    static void seedSmall() {
        emu.seed("""
        {"spreadsheetId":"s1","title":"Small","sheets":[
          {"title":"Sheet1","rowCount":1000,"columnCount":26,
           "rows":[["name","qty","ok","when"],["bolt",12,true,45000],["nut",3.5,false],[],["washer",null,null,null,"x"]],
           "formats":[{"range":"D2:D3","type":"DATE","pattern":"dd/mm/yyyy"}]},
          {"title":"My Sheet","rowCount":10,"columnCount":5,"rows":[["a","b"],["c"]]}]}
        """);
    }

    /** Runs {@code call}, expects a Google error, checks status code, status name and message. */
    static GoogleJsonResponseException assertApiError(int code, String status, String message, Executable call) {
        GoogleJsonResponseException e = assertThrows(GoogleJsonResponseException.class, call);
        assertEquals(code, e.getStatusCode());
        assertEquals(status, e.getDetails().get("status"));
        assertEquals(message, e.getDetails().getMessage());
        return e;
    }
}
