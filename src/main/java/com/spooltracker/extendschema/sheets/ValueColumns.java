package com.spooltracker.extendschema.sheets;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code values.batchGet} answer with {@code majorDimension=COLUMNS}, read in one streaming pass:
 * per requested range, its columns, each a list of cells from the range's first row (trailing empty
 * cells left out, as Google leaves them out). A cell is a {@link BigDecimal} (exact, from the JSON
 * text), a {@link String}, a {@link Boolean} or null; anything else (an object, a nested array) is not
 * Google's answer and throws {@link IllegalStateException}, which the gateway reports as a 502. The client's model would hold a GenericJson
 * per range and parse 800,000 cells of a large {@code Uniones} into far more heap than this.
 */
final class ValueColumns {
    private ValueColumns() {}

    /** One list of columns per value range, in the order of the answer (the order requested). */
    static List<List<List<Object>>> read(Reader json) throws IOException {
        return valueRanges(json, ValueColumns::range);
    }

    /** Reads one element of {@code valueRanges}. */
    private interface RangeReader<T> {
        T read(JsonReader reader) throws IOException;
    }

    /** Each element of the answer's {@code valueRanges}, in order; the rest of the answer is skipped. */
    private static <T> List<T> valueRanges(Reader json, RangeReader<T> element) throws IOException {
        List<T> ranges = new ArrayList<>();
        try (JsonReader reader = new JsonReader(json)) {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("valueRanges") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        ranges.add(element.read(reader));
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
        }
        return ranges;
    }

    /** One range of a {@code values.batchGetByDataFilter} answer (a MatchedValueRange): the A1 range Google matched, and its columns. */
    record Matched(String a1, List<List<Object>> columns) {}

    /** The ranges of a {@code values.batchGetByDataFilter} answer with {@code majorDimension=COLUMNS}. */
    static List<Matched> matched(Reader json) throws IOException {
        return valueRanges(json, ValueColumns::matchedRange);
    }

    private static Matched matchedRange(JsonReader reader) throws IOException {
        String[] a1 = {null};
        List<List<Object>> columns = List.of();
        expect(reader, JsonToken.BEGIN_OBJECT, "a matched value range");
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("valueRange")) {
                columns = range(reader, a1);
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        if (a1[0] == null) {
            throw new IllegalStateException("a matched value range names no range");
        }
        return new Matched(a1[0], columns);
    }

    private static List<List<Object>> range(JsonReader reader) throws IOException {
        return range(reader, new String[1]);
    }

    /** A ValueRange's columns; its {@code range}, when there is one, goes into {@code a1[0]}. */
    private static List<List<Object>> range(JsonReader reader, String[] a1) throws IOException {
        List<List<Object>> columns = new ArrayList<>();
        expect(reader, JsonToken.BEGIN_OBJECT, "a value range");
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("range") && reader.peek() == JsonToken.STRING) {
                a1[0] = reader.nextString();
            } else if (name.equals("majorDimension") && reader.peek() == JsonToken.STRING) {
                String major = reader.nextString();
                if (!major.equals("COLUMNS")) {
                    throw new IllegalStateException("asked for COLUMNS, got " + major);
                }
            } else if (name.equals("values") && reader.peek() != JsonToken.NULL) {
                expect(reader, JsonToken.BEGIN_ARRAY, "a range's values");
                reader.beginArray();
                while (reader.hasNext()) {
                    columns.add(cells(reader));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return columns;
    }

    private static List<Object> cells(JsonReader reader) throws IOException {
        List<Object> cells = new ArrayList<>();
        expect(reader, JsonToken.BEGIN_ARRAY, "a column");
        reader.beginArray();
        while (reader.hasNext()) {
            switch (reader.peek()) {
                case NUMBER -> cells.add(new BigDecimal(reader.nextString()));
                case STRING -> cells.add(reader.nextString());
                case BOOLEAN -> cells.add(reader.nextBoolean());
                case NULL -> {
                    reader.nextNull();
                    cells.add(null);
                }
                default ->
                    throw new IllegalStateException(
                            "a cell is " + reader.peek() + "; a values answer holds strings, numbers and booleans");
            }
        }
        reader.endArray();
        return cells;
    }

    private static void expect(JsonReader reader, JsonToken token, String what) throws IOException {
        if (reader.peek() != token) {
            throw new IllegalStateException(what + " is " + reader.peek() + " where " + token + " belongs");
        }
    }
}
