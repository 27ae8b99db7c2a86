package com.spooltracker.extendschema.sheets;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code spreadsheets.get} answer under {@link SheetsGateway}'s grid field mask, read in one
 * streaming pass. The client's model (a GenericJson object per row, cell and value) costs seconds and
 * most of a 256 MB heap for a 138,000-row column; this keeps only, per block, which cells hold a value
 * and the text of the block's first row.
 */
final class GridResponse {
    /** One sheet of the answer: its properties and its data blocks, one per requested range, in order. */
    record SheetGrid(String title, int sheetId, int rowCount, int columnCount, List<Block> blocks) {}

    /**
     * One {@code GridData}: for each column (absolute, 0-based) the rows (absolute, 0-based) whose cell
     * has a user-entered value, and the texts of its first row.
     */
    record Block(Map<Integer, BitSet> filledRowsByColumn, List<String> firstRow) {}

    private GridResponse() {}

    static List<SheetGrid> read(Reader json) throws IOException {
        List<SheetGrid> sheets = new ArrayList<>();
        try (JsonReader reader = new JsonReader(json)) {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("sheets") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        sheets.add(sheet(reader));
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
        }
        return sheets;
    }

    private static SheetGrid sheet(JsonReader reader) throws IOException {
        String title = null;
        int sheetId = 0;
        int rowCount = 0;
        int columnCount = 0;
        List<Block> blocks = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("properties")) {
                reader.beginObject();
                while (reader.hasNext()) {
                    switch (reader.nextName()) {
                        case "title" -> title = reader.nextString();
                        case "sheetId" -> sheetId = reader.nextInt();
                        case "gridProperties" -> {
                            reader.beginObject();
                            while (reader.hasNext()) {
                                switch (reader.nextName()) {
                                    case "rowCount" -> rowCount = reader.nextInt();
                                    case "columnCount" -> columnCount = reader.nextInt();
                                    default -> reader.skipValue();
                                }
                            }
                            reader.endObject();
                        }
                        default -> reader.skipValue();
                    }
                }
                reader.endObject();
            } else if (name.equals("data") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                reader.beginArray();
                while (reader.hasNext()) {
                    blocks.add(block(reader));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return new SheetGrid(title, sheetId, rowCount, columnCount, blocks);
    }

    /** Positions are relative to the block while reading, because startRow/startColumn may come after rowData. */
    private static Block block(JsonReader reader) throws IOException {
        int startRow = 0;
        int startColumn = 0;
        Map<Integer, BitSet> filled = new HashMap<>();
        List<String> firstRow = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "startRow" -> startRow = reader.nextInt();
                case "startColumn" -> startColumn = reader.nextInt();
                case "rowData" -> rows(reader, filled, firstRow);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        Map<Integer, BitSet> absolute = new HashMap<>();
        for (Map.Entry<Integer, BitSet> column : filled.entrySet()) {
            absolute.put(startColumn + column.getKey(), shifted(column.getValue(), startRow));
        }
        return new Block(absolute, firstRow);
    }

    private static void rows(JsonReader reader, Map<Integer, BitSet> filled, List<String> firstRow) throws IOException {
        reader.beginArray();
        for (int row = 0; reader.hasNext(); row++) {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("values") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    for (int column = 0; reader.hasNext(); column++) {
                        String text = cellText(reader);
                        if (text != null) {
                            filled.computeIfAbsent(column, c -> new BitSet()).set(row);
                        }
                        if (row == 0) {
                            firstRow.add(text == null ? "" : text);
                        }
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
        }
        reader.endArray();
    }

    /** The cell's user-entered value as text, or null when it has none. */
    private static String cellText(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            reader.skipValue();
            return null;
        }
        String text = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("userEnteredValue") && reader.peek() == JsonToken.BEGIN_OBJECT) {
                text = valueText(reader);
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return text;
    }

    /** As a user reads an ExtendedValue: text, a plain number, TRUE/FALSE, the formula; "" for anything else. */
    private static String valueText(JsonReader reader) throws IOException {
        String text = "";
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "stringValue", "formulaValue" -> text = reader.nextString();
                case "numberValue" -> text = BigDecimal.valueOf(reader.nextDouble()).stripTrailingZeros().toPlainString();
                case "boolValue" -> text = reader.nextBoolean() ? "TRUE" : "FALSE";
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return text;
    }

    private static BitSet shifted(BitSet rows, int by) {
        if (by == 0) {
            return rows;
        }
        BitSet shifted = new BitSet();
        rows.stream().forEach(row -> shifted.set(row + by));
        return shifted;
    }
}
