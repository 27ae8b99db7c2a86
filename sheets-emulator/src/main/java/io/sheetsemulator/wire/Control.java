package io.sheetsemulator.wire;

import com.google.gson.JsonObject;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.Quota;
import io.sheetsemulator.control.RequestRecord;
import java.util.List;

/** The emulator operations the admin HTTP API exposes; the same ones as the Java face. */
public interface Control {
    void seed(JsonObject spreadsheet);

    JsonObject dump(String spreadsheetId);

    boolean delete(String spreadsheetId);

    void addFault(FaultRule rule);

    void clearFaults();

    /** The armed rules with their match and fire counts. */
    List<FaultBook.Armed> armedFaults();

    void setQuota(Quota quota);

    Counters counters();

    List<RequestRecord> requestLog();

    void resetCounters();

    void reset();
}
