package com.spooltracker.extendschema;

import com.google.gson.JsonObject;

/** The pieces every report renders the same way: a count of things, and a run's Sheets calls. */
final class Rendering {
    private Rendering() {}

    /** "1 column", "1,500 empty metric cells". */
    static String plural(int n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The calls as the answer gives them: {@code {"reads", "writes", "retries"}}. */
    static JsonObject calls(RunResult.Calls calls) {
        JsonObject json = new JsonObject();
        json.addProperty("reads", calls.reads());
        json.addProperty("writes", calls.writes());
        json.addProperty("retries", calls.retries());
        return json;
    }

    /** The calls as the CLI prints them: "API calls, the whole call: 3 reads, 2 writes (412 ms)". */
    static String callsLine(String whose, JsonObject calls, long millis) {
        int reads = calls.get("reads").getAsInt();
        int writes = calls.get("writes").getAsInt();
        return "  API calls, " + whose + ": " + reads + " read" + (reads == 1 ? "" : "s") + ", " + writes + " write"
                + (writes == 1 ? "" : "s") + " (" + millis + " ms)";
    }
}
