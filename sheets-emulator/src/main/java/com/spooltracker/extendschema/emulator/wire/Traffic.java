package com.spooltracker.extendschema.emulator.wire;

import com.spooltracker.extendschema.emulator.control.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/** The request log that counters are computed from. Thread-safe. */
public final class Traffic {

    private final List<RequestRecord> log = new ArrayList<>();

    synchronized void record(RequestRecord record) {
        log.add(record);
    }

    public synchronized List<RequestRecord> snapshot() {
        return List.copyOf(log);
    }

    public synchronized void clear() {
        log.clear();
    }
}
