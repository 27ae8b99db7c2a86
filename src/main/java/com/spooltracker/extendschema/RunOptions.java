package com.spooltracker.extendschema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.logging.Redaction;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller asked for, parsed strictly from an HTTP request: boolean options only, each from the
 * query ({@code ?dryRun=true}) and/or a JSON object body ({@code {"dryRun": true}}, as Cloud Scheduler
 * sends). Anything else is a {@link Failure.BadRequest} that says what to send instead.
 *
 * @param dryRun plan only, write nothing
 * @param showRequests a dry run also lists the exact request bodies an apply would send
 * @param refreshMetrics after the migration step, fill the five metric columns from {@code Uniones}
 *     (with {@code dryRun}: report their drift only)
 */
public record RunOptions(boolean dryRun, boolean showRequests, boolean refreshMetrics, Operation operation) {
    /** What the call does: migrate (and maybe refresh), or one of the two read-only schema operations. */
    public enum Operation {
        MIGRATE,
        /** Check every sheet and the history against the migration files: {@code ?validate=true}. */
        VALIDATE,
        /** List every migration, applied or pending: {@code ?info=true}. */
        INFO
    }

    /** A migration run. */
    public RunOptions(boolean dryRun, boolean showRequests, boolean refreshMetrics) {
        this(dryRun, showRequests, refreshMetrics, Operation.MIGRATE);
    }

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final String ALLOWED_METHODS = "GET, POST";
    private static final String DRY_RUN = "dryRun";
    private static final String SHOW_REQUESTS = "showRequests";
    private static final String REFRESH_METRICS = "refreshMetrics";
    private static final String VALIDATE = "validate";
    private static final String INFO = "info";
    /** Every option, in the order the help text names them. */
    private static final List<String> OPTIONS = List.of(DRY_RUN, SHOW_REQUESTS, REFRESH_METRICS, VALIDATE, INFO);

    private static final String OPTIONS_TEXT = "The options are dryRun=true|false, showRequests=true|false, "
            + "refreshMetrics=true|false, and, with GET, validate=true or info=true.";

    /**
     * @param body the body bytes, at most {@link #MAX_BODY_BYTES} + 1 of them (more means too large)
     */
    public static RunOptions parse(
            String method, Map<String, List<String>> query, Optional<String> contentType, byte[] body) {
        boolean isGet = "GET".equals(method);
        if (!isGet && !"POST".equals(method)) {
            throw new Failure.MethodNotAllowed(abbreviate(method), ALLOWED_METHODS);
        }
        Map<String, Boolean> fromQuery = fromQuery(query);
        Map<String, Boolean> fromBody = fromBody(contentType, body);
        for (String option : OPTIONS) {
            if (fromQuery.containsKey(option)
                    && fromBody.containsKey(option)
                    && !fromQuery.get(option).equals(fromBody.get(option))) {
                throw new Failure.BadRequest("The query says " + option + "=" + fromQuery.get(option) + " but the body "
                        + "says \"" + option + "\": " + fromBody.get(option) + ". Send it once, or make them agree.");
            }
        }
        Map<String, Boolean> asked = new HashMap<>(fromBody);
        asked.putAll(fromQuery);
        boolean validate = asked.getOrDefault(VALIDATE, false);
        boolean info = asked.getOrDefault(INFO, false);
        if (validate || info) {
            String name = validate ? VALIDATE : INFO;
            if (validate && info) {
                throw new Failure.BadRequest("Ask for validate=true or info=true, not both.");
            }
            if (!isGet) {
                throw new Failure.BadRequest(name + "=true only reads; send it with GET.");
            }
            for (String other : List.of(DRY_RUN, SHOW_REQUESTS, REFRESH_METRICS)) {
                if (asked.containsKey(other)) {
                    throw new Failure.BadRequest(name + "=true takes no other option; drop " + other + ".");
                }
            }
            return new RunOptions(true, false, false, validate ? Operation.VALIDATE : Operation.INFO);
        }
        if (isGet && Boolean.FALSE.equals(asked.get(DRY_RUN))) {
            throw new Failure.BadRequest("GET only plans (a dry run); use POST to apply the migration.");
        }
        boolean dryRun = isGet || asked.getOrDefault(DRY_RUN, false);
        boolean showRequests = asked.getOrDefault(SHOW_REQUESTS, false);
        if (showRequests && !dryRun) {
            throw new Failure.BadRequest("showRequests=true lists what a dry run would send; add dryRun=true.");
        }
        return new RunOptions(dryRun, showRequests, asked.getOrDefault(REFRESH_METRICS, false));
    }

    private static Map<String, Boolean> fromQuery(Map<String, List<String>> query) {
        Map<String, Boolean> options = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!OPTIONS.contains(name)) {
                throw new Failure.BadRequest("Unknown query parameter '" + abbreviate(name) + "'. " + OPTIONS_TEXT);
            }
            List<String> values = parameter.getValue();
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                throw new Failure.BadRequest(name + " is given " + values.size() + " times; give it once.");
            }
            options.put(name, bool(name, values.get(0)));
        }
        return options;
    }

    private static boolean bool(String name, String value) {
        String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return true;
        }
        if (lower.equals("false")) {
            return false;
        }
        throw new Failure.BadRequest(name + " must be true or false, not '" + abbreviate(value) + "'.");
    }

    private static Map<String, Boolean> fromBody(Optional<String> contentType, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new Failure.BadRequest("The body is larger than " + MAX_BODY_BYTES / 1024
                    + " KiB. Send at most {\"dryRun\": true|false}.");
        }
        String mediaType = contentType
                .map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        // The Functions Framework parses multipart bodies itself and hands the function an empty stream:
        // such a body would look blank and the request would apply. Refuse it before looking at the body.
        if (mediaType.startsWith("multipart/")) {
            throw new Failure.BadRequest("Content-Type '" + abbreviate(contentType.get()) + "' is not accepted; send "
                    + "the body as application/json, e.g. {\"dryRun\": true}.");
        }
        String text = utf8(body);
        if (text.isBlank()) {
            return Map.of();
        }
        // Cloud Scheduler sends application/octet-stream when a job sets no Content-Type header.
        if (!mediaType.isEmpty()
                && !mediaType.equals("application/json")
                && !mediaType.equals("application/octet-stream")) {
            throw new Failure.BadRequest("Content-Type '" + abbreviate(contentType.get()) + "' is not accepted; send "
                    + "the body as application/json, e.g. {\"dryRun\": true}.");
        }
        JsonObject object = jsonObject(text);
        Map<String, Boolean> options = new HashMap<>();
        for (String name : object.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new Failure.BadRequest("Unknown body field '" + abbreviate(name) + "'. " + OPTIONS_TEXT);
            }
            JsonElement value = object.get(name);
            if (!(value instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
                throw new Failure.BadRequest("\"" + name + "\" must be a JSON boolean (true or false), not "
                        + abbreviate(value.toString()) + ".");
            }
            options.put(name, primitive.getAsBoolean());
        }
        return options;
    }

    private static JsonObject jsonObject(String text) {
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            element = strictValue(reader, "");
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("trailing content");
            }
        } catch (DuplicateKey duplicate) {
            throw new Failure.BadRequest("The body gives \"" + abbreviate(duplicate.path) + "\" more than once; "
                    + "give each field once, e.g. {\"dryRun\": true}.");
        } catch (IOException | RuntimeException e) {
            throw new Failure.BadRequest("The body is not valid JSON. Send a JSON object such as {\"dryRun\": true}.");
        }
        if (!(element instanceof JsonObject object)) {
            throw new Failure.BadRequest(
                    "The body must be a JSON object such as {\"dryRun\": true}, not " + kind(element) + ".");
        }
        return object;
    }

    /**
     * One JSON value, refusing a key repeated in any object. JSON leaves duplicates undefined and
     * parsers disagree (Gson keeps the last): {@code {"dryRun": true, "dryRun": false}} must not apply.
     */
    private static JsonElement strictValue(JsonReader reader, String path) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    String where = path.isEmpty() ? name : path + "." + name;
                    if (object.has(name)) {
                        throw new DuplicateKey(where);
                    }
                    object.add(name, strictValue(reader, where));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                for (int i = 0; reader.hasNext(); i++) {
                    array.add(strictValue(reader, path + "[" + i + "]"));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IOException("unexpected " + reader.peek());
        }
    }

    private static final class DuplicateKey extends RuntimeException {
        private final String path;

        DuplicateKey(String path) {
            super(null, null, false, false);
            this.path = path;
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Failure.BadRequest("The body is not valid UTF-8. Send a JSON object such as {\"dryRun\": true}.");
        }
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        return "a "
                + (element.getAsJsonPrimitive().isString()
                        ? "string"
                        : element.getAsJsonPrimitive().isNumber() ? "number" : "boolean");
    }

    private static String abbreviate(String text) {
        return Redaction.callerText(text);
    }
}
