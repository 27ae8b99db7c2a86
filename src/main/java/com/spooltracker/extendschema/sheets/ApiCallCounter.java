package com.spooltracker.extendschema.sheets;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the HTTP requests a run sends to Sheets (retries included): GETs and the reads sent by POST
 * (a body of data filters: {@code spreadsheets.getByDataFilter}, {@code values.batchGetByDataFilter})
 * are reads, the rest writes.
 */
public final class ApiCallCounter {
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    void countAttempt(String httpMethod, String rawPath) {
        if ("GET".equals(httpMethod)
                || rawPath.endsWith(":getByDataFilter")
                || rawPath.endsWith(":batchGetByDataFilter")) {
            reads.incrementAndGet();
        } else {
            writes.incrementAndGet();
        }
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    public int reads() {
        return reads.get();
    }

    public int writes() {
        return writes.get();
    }

    /** How many of the requests were retries of an earlier one. */
    public int retries() {
        return retries.get();
    }
}
