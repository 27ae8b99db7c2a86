package com.spooltracker.extendschema.emulator.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.emulator.model.SheetsError;
import java.nio.charset.StandardCharsets;

/** JSON text in and out, without HTML escaping (Google sends {@code =} and {@code <} as they are). */
final class Json {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  static byte[] bytes(JsonElement json) {
    return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
  }

  /** The request body as an object; null when empty; 400 like Google when it is not JSON. */
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
      return json.getAsJsonObject();
    } catch (JsonParseException e) {
      throw SheetsError.invalid("Invalid JSON payload received. Unexpected token.");
    }
  }
}
