package com.spooltracker.extendschema.soak;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The batchUpdate requests a person's structural edits are made of, as Google's JSON. */
final class EditRequests {
    private EditRequests() {}

    static JsonArray insert(int sheetId, String dimension, int start, int count) {
        JsonObject insert = new JsonObject();
        insert.add("range", range(sheetId, dimension, start, start + count));
        // Google refuses to inherit from before index 0, and from after the grid's end.
        insert.addProperty("inheritFromBefore", start > 0);
        return one("insertDimension", insert);
    }

    static JsonArray delete(int sheetId, String dimension, int start, int count) {
        JsonObject delete = new JsonObject();
        delete.add("range", range(sheetId, dimension, start, start + count));
        return one("deleteDimension", delete);
    }

    /** Moves one row or column to before {@code destination}, counted before the move (Google's MoveDimensionRequest). */
    static JsonArray move(int sheetId, String dimension, int from, int destination) {
        JsonObject move = new JsonObject();
        move.add("source", range(sheetId, dimension, from, from + 1));
        move.addProperty("destinationIndex", destination);
        return one("moveDimension", move);
    }

    static JsonArray append(int sheetId, String dimension, int count) {
        JsonObject append = new JsonObject();
        append.addProperty("sheetId", sheetId);
        append.addProperty("dimension", dimension);
        append.addProperty("length", count);
        return one("appendDimension", append);
    }

    private static JsonObject range(int sheetId, String dimension, int start, int end) {
        JsonObject range = new JsonObject();
        range.addProperty("sheetId", sheetId);
        range.addProperty("dimension", dimension);
        range.addProperty("startIndex", start);
        range.addProperty("endIndex", end);
        return range;
    }

    private static JsonArray one(String kind, JsonObject body) {
        JsonObject request = new JsonObject();
        request.add(kind, body);
        JsonArray requests = new JsonArray();
        requests.add(request);
        return requests;
    }
}
