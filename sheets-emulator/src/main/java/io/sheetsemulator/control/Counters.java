package io.sheetsemulator.control;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable snapshot of API traffic since the last reset: calls and body bytes per endpoint, and
 * reads (GET, and the reads sent by POST with a body of data filters, which Google counts against
 * the read quota as their names say) and writes (the other POSTs and PUTs). Admin requests are not
 * counted; faulted requests are.
 */
public final class Counters {

    /** One endpoint's figures. */
    public record Endpoint(int calls, long bytesIn, long bytesOut) {}

    /** The reads sent by POST: the same endpoints the quota counts as reads. */
    private static final Set<String> READS_BY_POST =
            Set.of("values.batchGetByDataFilter", "spreadsheets.getByDataFilter", "developerMetadata.search");

    private final Map<String, Endpoint> byEndpoint;
    private final int reads;
    private final int writes;

    public Counters(Map<String, Endpoint> byEndpoint, int reads, int writes) {
        this.byEndpoint = Collections.unmodifiableMap(new TreeMap<>(byEndpoint));
        this.reads = reads;
        this.writes = writes;
    }

    /** Tallies a request log. */
    public static Counters of(List<RequestRecord> log) {
        Map<String, Endpoint> byEndpoint = new TreeMap<>();
        int reads = 0;
        int writes = 0;
        for (RequestRecord r : log) {
            byEndpoint.merge(
                    r.endpoint(),
                    new Endpoint(1, r.bytesIn(), r.bytesOut()),
                    (a, b) -> new Endpoint(
                            a.calls() + b.calls(), a.bytesIn() + b.bytesIn(), a.bytesOut() + b.bytesOut()));
            if (r.method().equals("GET") || READS_BY_POST.contains(r.endpoint())) {
                reads++;
            } else {
                writes++;
            }
        }
        return new Counters(byEndpoint, reads, writes);
    }

    public int calls(String endpoint) {
        return get(endpoint).calls();
    }

    public long bytesIn(String endpoint) {
        return get(endpoint).bytesIn();
    }

    public long bytesOut(String endpoint) {
        return get(endpoint).bytesOut();
    }

    public int reads() {
        return reads;
    }

    public int writes() {
        return writes;
    }

    public int calls() {
        return byEndpoint.values().stream().mapToInt(Endpoint::calls).sum();
    }

    public long bytesIn() {
        return byEndpoint.values().stream().mapToLong(Endpoint::bytesIn).sum();
    }

    public long bytesOut() {
        return byEndpoint.values().stream().mapToLong(Endpoint::bytesOut).sum();
    }

    /** Per endpoint, sorted by name. */
    public Map<String, Endpoint> byEndpoint() {
        return byEndpoint;
    }

    private Endpoint get(String endpoint) {
        return byEndpoint.getOrDefault(endpoint, new Endpoint(0, 0, 0));
    }

    /** One line per endpoint, then the totals; handy in benchmark output. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        byEndpoint.forEach((name, e) -> sb.append(
                String.format("%-26s calls=%d in=%dB out=%dB%n", name, e.calls(), e.bytesIn(), e.bytesOut())));
        sb.append(String.format(
                "total: calls=%d reads=%d writes=%d in=%dB out=%dB", calls(), reads, writes, bytesIn(), bytesOut()));
        return sb.toString();
    }
}
