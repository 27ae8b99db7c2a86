package com.spooltracker.extendschema.sheets;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.GridCell;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code spreadsheets.get} answer under {@link SheetsGateway}'s grid field mask, read in one
 * streaming pass. The client's model (a GenericJson object per row, cell and value) costs seconds and
 * most of a 256 MB heap for a 138,000-row column; this keeps only, per block, which cells hold
 * something and which show text, and the displayed texts of the block's first row.
 *
 * <p>A cell holds something when it has a displayed value ({@code formattedValue}) or an entered
 * one ({@code userEnteredValue}): the output of an array formula has only the first, a formula that
 * shows nothing only the second. Judgments a person makes by looking (is this a header, is this row
 * a spool) use the displayed text, as v3.0 code reads it.
 *
 * <p>An answer that is valid JSON but not the shape Google documents throws {@link UnexpectedAnswer}.
 */
final class GridResponse {
    /** One sheet of the answer: its properties and its data blocks, one per requested range, in order. */
    record SheetGrid(String title, int sheetId, int rowCount, int columnCount, List<Block> blocks) {}

    /**
     * One {@code GridData}, positions absolute and 0-based: for each column the rows whose cell holds
     * something ({@code filled}) and the rows whose displayed text is not blank ({@code shown}), and
     * the displayed texts of its first row.
     *
     * @param anchors the function's marks ({@link ColumnAnchor#KEY}) on the block's columns
     * @param otherMarks the function's other column marks ({@link ColumnMarks#LAYOUT_KEY}, {@link
     *     ColumnMarks#UNIONES_KEY}) on the block's columns, by key
     * @param startRow the block's first row
     * @param startColumn the block's first column
     * @param rows how many rows its {@code rowData} has (Google leaves out trailing empty rows)
     * @param width how many columns its {@code columnMetadata} has: one per column of the block
     */
    record Block(
            Map<Integer, BitSet> filledRowsByColumn,
            Map<Integer, BitSet> shownRowsByColumn,
            Map<Integer, BitSet> managedRowsByColumn,
            List<String> firstRow,
            Map<Integer, List<GridCell>> cellsByColumn,
            List<ColumnAnchor> anchors,
            Map<String, List<ColumnAnchor>> otherMarks,
            int startRow,
            int startColumn,
            int rows,
            int width) {}

    /** Valid JSON in a shape Google does not send: a wrong type, a missing part, an impossible size. */
    static final class UnexpectedAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnexpectedAnswer(String what) {
            super(what, null, false, false);
        }
    }

    private GridResponse() {}

    static List<SheetGrid> read(Reader json) throws IOException {
        return read(json, false);
    }

    /** The sheets of an answer and the function's notes on the spreadsheet itself. */
    record Answer(List<SheetGrid> sheets, List<SpreadsheetNote> notes) {}

    /**
     * @param wholeEnteredValues the mask asked for the whole {@code userEnteredValue}, so that a cell
     *     that shows a value with none entered is known to be an array formula's output (a managed cell)
     */
    static List<SheetGrid> read(Reader json, boolean wholeEnteredValues) throws IOException {
        return answer(json, wholeEnteredValues).sheets();
    }

    /** As {@link #read(Reader, boolean)}, with the spreadsheet's own developer metadata of the function's keys. */
    static Answer answer(Reader json, boolean wholeEnteredValues) throws IOException {
        try {
            return sheets(new JsonReader(json), wholeEnteredValues);
        } catch (IllegalStateException | NumberFormatException wrongType) {
            // JsonReader's own complaint about a value of the wrong JSON type, e.g. a string sheetId.
            throw new UnexpectedAnswer(firstLine(wrongType.getMessage()));
        }
    }

    private static Answer sheets(JsonReader reader, boolean wholeEnteredValues) throws IOException {
        List<SheetGrid> sheets = new ArrayList<>();
        List<SpreadsheetNote> notes = new ArrayList<>();
        expect(reader, JsonToken.BEGIN_OBJECT, "the answer");
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("developerMetadata")) {
                expect(reader, JsonToken.BEGIN_ARRAY, "developerMetadata");
                reader.beginArray();
                while (reader.hasNext()) {
                    note(reader).ifPresent(notes::add);
                }
                reader.endArray();
            } else if (name.equals("sheets")) {
                expect(reader, JsonToken.BEGIN_ARRAY, "sheets");
                reader.beginArray();
                while (reader.hasNext()) {
                    sheets.add(sheet(reader, wholeEnteredValues));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return new Answer(sheets, notes);
    }

    private static Optional<SpreadsheetNote> note(JsonReader reader) throws IOException {
        MetadataEntry entry = metadataEntry(reader);
        return entry.key() != null && entry.key().startsWith(SpreadsheetNote.KEY_PREFIX) && entry.value() != null
                ? Optional.of(new SpreadsheetNote(entry.id(), entry.key(), entry.value()))
                : Optional.empty();
    }

    /** One DeveloperMetadata as the masks ask for it: id, key and value (null when absent). */
    private record MetadataEntry(int id, String key, String value) {}

    private static MetadataEntry metadataEntry(JsonReader reader) throws IOException {
        expect(reader, JsonToken.BEGIN_OBJECT, "a developer metadata entry");
        int id = -1;
        String key = null;
        String value = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "metadataId" -> id = whole(reader, "metadataId", 0, Integer.MAX_VALUE);
                case "metadataKey" -> key = string(reader, "metadataKey");
                case "metadataValue" -> value = string(reader, "metadataValue");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new MetadataEntry(id, key, value);
    }

    private static SheetGrid sheet(JsonReader reader, boolean wholeEnteredValues) throws IOException {
        String title = null;
        int sheetId = 0;
        int rowCount = -1;
        int columnCount = -1;
        List<Block> blocks = new ArrayList<>();
        expect(reader, JsonToken.BEGIN_OBJECT, "a sheet");
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("properties")) {
                expect(reader, JsonToken.BEGIN_OBJECT, "properties");
                reader.beginObject();
                while (reader.hasNext()) {
                    switch (reader.nextName()) {
                        case "title" -> title = string(reader, "title");
                        case "sheetId" -> sheetId = whole(reader, "sheetId", Integer.MIN_VALUE, Integer.MAX_VALUE);
                        case "gridProperties" -> {
                            expect(reader, JsonToken.BEGIN_OBJECT, "gridProperties");
                            reader.beginObject();
                            while (reader.hasNext()) {
                                switch (reader.nextName()) {
                                    case "rowCount" -> rowCount = whole(reader, "rowCount", 0, CELL_LIMIT);
                                    case "columnCount" -> columnCount = whole(reader, "columnCount", 0, MAX_COLUMNS);
                                    default -> reader.skipValue();
                                }
                            }
                            reader.endObject();
                        }
                        default -> reader.skipValue();
                    }
                }
                reader.endObject();
            } else if (name.equals("data")) {
                expect(reader, JsonToken.BEGIN_ARRAY, "data");
                reader.beginArray();
                while (reader.hasNext()) {
                    blocks.add(block(reader, wholeEnteredValues));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return new SheetGrid(title, sheetId, rowCount, columnCount, blocks);
    }

    /** Google's limits: 10 million cells per spreadsheet, 18,278 columns (ZZZ) per sheet. */
    private static final int CELL_LIMIT = 10_000_000;

    private static final int MAX_COLUMNS = 18_278;

    /** Positions are relative to the block while reading, because startRow/startColumn may come after rowData. */
    private static Block block(JsonReader reader, boolean wholeEnteredValues) throws IOException {
        int startRow = 0;
        int startColumn = 0;
        Map<Integer, BitSet> filled = new HashMap<>();
        Map<Integer, BitSet> shown = new HashMap<>();
        Map<Integer, BitSet> managed = new HashMap<>();
        List<String> firstRow = new ArrayList<>();
        Map<Integer, List<GridCell>> cells = new HashMap<>();
        List<ColumnAnchor> anchors = new ArrayList<>();
        Map<String, List<ColumnAnchor>> otherMarks = new HashMap<>();
        int rows = 0;
        int width = 0;
        expect(reader, JsonToken.BEGIN_OBJECT, "a data block");
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "startRow" -> startRow = whole(reader, "startRow", 0, CELL_LIMIT);
                case "startColumn" -> startColumn = whole(reader, "startColumn", 0, MAX_COLUMNS);
                case "rowData" -> rows = rows(reader, filled, shown, managed, firstRow, cells, wholeEnteredValues);
                case "columnMetadata" -> width = columnMetadata(reader, anchors, otherMarks);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        Map<Integer, List<GridCell>> cellsAt = new HashMap<>();
        for (Map.Entry<Integer, List<GridCell>> column : cells.entrySet()) {
            List<GridCell> list = new ArrayList<>();
            for (int r = 0; r < startRow; r++) {
                list.add(GridCell.EMPTY);
            }
            list.addAll(column.getValue());
            cellsAt.put(startColumn + column.getKey(), list);
        }
        int columnShift = startColumn;
        return new Block(
                shifted(filled, startRow, startColumn),
                shifted(shown, startRow, startColumn),
                shifted(managed, startRow, startColumn),
                firstRow,
                cellsAt,
                shiftedAnchors(anchors, columnShift),
                shiftedMarks(otherMarks, columnShift),
                startRow,
                startColumn,
                rows,
                width);
    }

    private static Map<String, List<ColumnAnchor>> shiftedMarks(Map<String, List<ColumnAnchor>> marks, int columns) {
        Map<String, List<ColumnAnchor>> shifted = new HashMap<>();
        marks.forEach((key, list) -> shifted.put(key, shiftedAnchors(list, columns)));
        return shifted;
    }

    private static List<ColumnAnchor> shiftedAnchors(List<ColumnAnchor> anchors, int columns) {
        return anchors.stream()
                .map(a -> new ColumnAnchor(a.column() + columns, a.metadataId(), a.header()))
                .toList();
    }

    /**
     * The function's column marks among a block's {@code columnMetadata} (one DimensionProperties per
     * column of the block, from its first column); positions relative to the block.
     *
     * @return how many columns it describes
     */
    private static int columnMetadata(
            JsonReader reader, List<ColumnAnchor> anchors, Map<String, List<ColumnAnchor>> otherMarks)
            throws IOException {
        expect(reader, JsonToken.BEGIN_ARRAY, "columnMetadata");
        reader.beginArray();
        int column = 0;
        for (; reader.hasNext(); column++) {
            expect(reader, JsonToken.BEGIN_OBJECT, "a column's metadata");
            reader.beginObject();
            while (reader.hasNext()) {
                if (!reader.nextName().equals("developerMetadata")) {
                    reader.skipValue();
                    continue;
                }
                expect(reader, JsonToken.BEGIN_ARRAY, "developerMetadata");
                reader.beginArray();
                while (reader.hasNext()) {
                    Optional<Keyed> mark = developerMetadata(reader, column);
                    if (mark.isPresent() && mark.get().key().equals(ColumnAnchor.KEY)) {
                        anchors.add(mark.get().anchor());
                    } else if (mark.isPresent()) {
                        otherMarks
                                .computeIfAbsent(mark.get().key(), k -> new ArrayList<>())
                                .add(mark.get().anchor());
                    }
                }
                reader.endArray();
            }
            reader.endObject();
        }
        reader.endArray();
        return column;
    }

    /** A column mark and the key it is under. */
    private record Keyed(String key, ColumnAnchor anchor) {}

    private static Optional<Keyed> developerMetadata(JsonReader reader, int column) throws IOException {
        MetadataEntry entry = metadataEntry(reader);
        String key = entry.key();
        String value = entry.value();
        int id = entry.id();
        return (ColumnAnchor.KEY.equals(key)
                                || ColumnMarks.LAYOUT_KEY.equals(key)
                                || ColumnMarks.UNIONES_KEY.equals(key))
                        && value != null
                        && id > 0
                ? Optional.of(new Keyed(key, new ColumnAnchor(column, id, value)))
                : Optional.empty();
    }

    /** @return how many rows the {@code rowData} has */
    private static int rows(
            JsonReader reader,
            Map<Integer, BitSet> filled,
            Map<Integer, BitSet> shown,
            Map<Integer, BitSet> managed,
            List<String> firstRow,
            Map<Integer, List<GridCell>> cells,
            boolean wholeEnteredValues)
            throws IOException {
        expect(reader, JsonToken.BEGIN_ARRAY, "rowData");
        reader.beginArray();
        int row = 0;
        for (; reader.hasNext(); row++) {
            expect(reader, JsonToken.BEGIN_OBJECT, "a row");
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("values")) {
                    expect(reader, JsonToken.BEGIN_ARRAY, "values");
                    reader.beginArray();
                    for (int column = 0; reader.hasNext(); column++) {
                        CellRead cell = cell(reader, wholeEnteredValues);
                        if (cell.holdsSomething()) {
                            filled.computeIfAbsent(column, c -> new BitSet()).set(row);
                        }
                        if (!cell.shown().isBlank()) {
                            shown.computeIfAbsent(column, c -> new BitSet()).set(row);
                        }
                        if (cell.managed()) {
                            managed.computeIfAbsent(column, c -> new BitSet()).set(row);
                        }
                        if (row == 0) {
                            firstRow.add(cell.shown());
                        }
                        if (wholeEnteredValues && cell.holdsSomething()) {
                            List<GridCell> cellsOfColumn = cells.computeIfAbsent(column, c -> new ArrayList<>());
                            while (cellsOfColumn.size() < row) {
                                cellsOfColumn.add(GridCell.EMPTY);
                            }
                            cellsOfColumn.add(cell.grid());
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
        return row;
    }

    /**
     * What one CellData says: the displayed text ("" when none), whether anything was entered or
     * shown, and whether a formula produces it (its own, or an array formula's elsewhere).
     */
    private record CellRead(String shown, boolean holdsSomething, boolean managed, GridCell grid) {
        static final CellRead EMPTY = new CellRead("", false, false, GridCell.EMPTY);
    }

    private static final int NOTHING_ENTERED = 0;
    private static final int LITERAL = 1;
    private static final int FORMULA = 2;

    private static CellRead cell(JsonReader reader, boolean wholeEnteredValues) throws IOException {
        expect(reader, JsonToken.BEGIN_OBJECT, "a cell");
        String shown = null;
        Entered entered = Entered.NOTHING;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "formattedValue" -> shown = string(reader, "formattedValue");
                case "userEnteredValue" -> entered = enteredValue(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (shown == null && entered.kind() == NOTHING_ENTERED) {
            return CellRead.EMPTY;
        }
        String text = shown == null ? "" : shown;
        boolean arrayOutput = wholeEnteredValues && entered.kind() == NOTHING_ENTERED;
        boolean managed = entered.kind() == FORMULA || arrayOutput;
        GridCell grid = new GridCell(text, entered.literal(), entered.formula(), arrayOutput);
        return new CellRead(text, true, managed, grid);
    }

    /**
     * What an ExtendedValue holds: nothing, a literal, or a formula (under the narrow mask only formulas
     * appear). Its fields are scalars ({@code numberValue}, {@code stringValue}, {@code boolValue},
     * {@code formulaValue}); an object or array there is not Google's answer.
     */
    private record Entered(int kind, Object literal, String formula) {
        static final Entered NOTHING = new Entered(NOTHING_ENTERED, null, null);
    }

    private static Entered enteredValue(JsonReader reader) throws IOException {
        expect(reader, JsonToken.BEGIN_OBJECT, "userEnteredValue");
        int kind = NOTHING_ENTERED;
        Object literal = null;
        String formula = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            JsonToken token = reader.peek();
            if (token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) {
                throw new UnexpectedAnswer("userEnteredValue." + name + " is " + describe(token)
                        + " where a string, number or boolean belongs");
            }
            if (reader.peek() == JsonToken.NULL) {
                reader.skipValue();
                continue;
            }
            switch (name) {
                case "formulaValue" -> {
                    formula = string(reader, "formulaValue");
                    kind = FORMULA;
                }
                case "numberValue" -> {
                    expect(reader, JsonToken.NUMBER, "numberValue");
                    literal = reader.nextDouble();
                    kind = Math.max(kind, LITERAL);
                }
                case "stringValue" -> {
                    literal = string(reader, "stringValue");
                    kind = Math.max(kind, LITERAL);
                }
                case "boolValue" -> {
                    expect(reader, JsonToken.BOOLEAN, "boolValue");
                    literal = reader.nextBoolean();
                    kind = Math.max(kind, LITERAL);
                }
                default -> {
                    reader.skipValue();
                    kind = Math.max(kind, LITERAL);
                }
            }
        }
        reader.endObject();
        return new Entered(kind, kind == FORMULA ? null : literal, formula);
    }

    private static void expect(JsonReader reader, JsonToken token, String what) throws IOException {
        JsonToken actual = reader.peek();
        if (actual != token) {
            throw new UnexpectedAnswer(what + " is " + describe(actual) + " where " + describe(token) + " belongs");
        }
    }

    private static String string(JsonReader reader, String what) throws IOException {
        expect(reader, JsonToken.STRING, what);
        return reader.nextString();
    }

    private static int whole(JsonReader reader, String what, int min, int max) throws IOException {
        expect(reader, JsonToken.NUMBER, what);
        double value = reader.nextDouble();
        if (value != Math.rint(value) || value < min || value > max) {
            throw new UnexpectedAnswer(what + " is " + (long) value + (value != Math.rint(value) ? " (not whole)" : "")
                    + ", outside " + min + ".." + max);
        }
        return (int) value;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "missing";
        };
    }

    private static String firstLine(String message) {
        String line = message == null
                ? "a value of the wrong type"
                : message.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private static Map<Integer, BitSet> shifted(Map<Integer, BitSet> byColumn, int rows, int columns) {
        Map<Integer, BitSet> absolute = new HashMap<>();
        for (Map.Entry<Integer, BitSet> column : byColumn.entrySet()) {
            BitSet set = column.getValue();
            if (rows != 0) {
                BitSet moved = new BitSet();
                set.stream().forEach(row -> moved.set(row + rows));
                set = moved;
            }
            absolute.put(columns + column.getKey(), set);
        }
        return absolute;
    }
}
