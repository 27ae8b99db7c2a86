package com.spooltracker.extendschema.emulator.wire;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.emulator.control.Counters;
import com.spooltracker.extendschema.emulator.control.FaultRule;
import com.spooltracker.extendschema.emulator.control.Quota;
import com.spooltracker.extendschema.emulator.control.RequestRecord;
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
