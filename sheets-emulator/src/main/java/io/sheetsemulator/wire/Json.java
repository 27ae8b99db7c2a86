package io.sheetsemulator.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonWriter;
import io.sheetsemulator.model.SheetsError;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON text in and out, without HTML escaping (Google sends {@code =} and {@code <} as they are). */
final class Json {

    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final TypeAdapter<JsonElement> ELEMENT = GSON.getAdapter(JsonElement.class);

    private Json() {}

    static byte[] bytes(JsonElement json) {
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Something that writes one JSON value. */
    interface Body {
        void writeTo(JsonWriter out) throws IOException;
    }

    /**
     * The UTF-8 text {@code body} writes, token for token what {@link #bytes} would give for the same
     * tree: same escaping, same number forms, nulls kept.
     */
    static byte[] bytes(Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try (JsonWriter out = GSON.newJsonWriter(
                new BufferedWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), 1 << 16))) {
            // As Gson.toJson(JsonElement) does with a writer it made itself.
            out.setStrictness(Strictness.LENIENT);
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Writes {@code json} keeping only what {@code mask} selects: the text of {@code mask.prune(json)}. */
    static void write(JsonWriter out, JsonElement json, FieldMask mask) throws IOException {
        if (mask.isAll() || !json.isJsonObject() && !json.isJsonArray()) {
            ELEMENT.write(out, json);
        } else if (json.isJsonArray()) {
            out.beginArray();
            for (JsonElement element : json.getAsJsonArray()) {
                write(out, element, mask);
            }
            out.endArray();
        } else {
            out.beginObject();
            for (var entry : json.getAsJsonObject().entrySet()) {
                FieldMask child = mask.child(entry.getKey());
                if (child != null) {
                    out.name(entry.getKey());
                    write(out, entry.getValue(), child);
                }
            }
            out.endObject();
        }
    }

    /**
     * Proto3 JSON: a field given as {@code null} is absent (clients such as gspread send
     * {@code "majorDimension": null}), so null members are dropped at every depth. Nulls inside arrays
     * stay: in {@code values} a null element means "leave this cell alone".
     */
    static JsonObject withoutNulls(JsonObject json) {
        JsonObject out = new JsonObject();
        for (var entry : json.entrySet()) {
            if (!entry.getValue().isJsonNull()) {
                out.add(entry.getKey(), withoutNulls(entry.getValue()));
            }
        }
        return out;
    }

    private static boolean hasNullMember(JsonElement json) {
        if (json.isJsonObject()) {
            for (var entry : json.getAsJsonObject().entrySet()) {
                if (entry.getValue().isJsonNull() || hasNullMember(entry.getValue())) {
                    return true;
                }
            }
        } else if (json.isJsonArray()) {
            for (JsonElement element : json.getAsJsonArray()) {
                if (element.isJsonObject() || element.isJsonArray()) {
                    if (hasNullMember(element)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static JsonElement withoutNulls(JsonElement json) {
        if (json.isJsonObject()) {
            return withoutNulls(json.getAsJsonObject());
        }
        if (json.isJsonArray()) {
            JsonArray out = new JsonArray();
            json.getAsJsonArray().forEach(element -> out.add(withoutNulls(element)));
            return out;
        }
        return json;
    }

    /** The request body as an object, nulls dropped; null when empty; 400 like Google when it is not JSON. */
    static JsonObject object(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonNull()) {
                return null;
            }
            if (!json.isJsonObject()) {
                throw SheetsError.invalid("Invalid JSON payload received. Expected an object.");
            }
            // Copied only when needed: a large values write rarely holds a null member.
            return hasNullMember(json) ? withoutNulls(json.getAsJsonObject()) : json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw SheetsError.invalid("Invalid JSON payload received. Unexpected token.");
        }
    }
}
