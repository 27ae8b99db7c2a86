package io.sheetsemulator.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one JSON format for seeding and dumping a spreadsheet:
 *
 * <pre>{"spreadsheetId":"demo","title":"Tracker","sheets":[{"title":"Operaciones","sheetId":0,
 *   "rowCount":1000,"columnCount":67,"frozenRowCount":1,
 *   "rows":[["TAG_SPOOL","OT"],["SP-0001",1204,true,"=A2&\"x\"",null]],
 *   "formats":[{"range":"D2:D1000","type":"DATE","pattern":"dd/mm/yyyy"}]}]}</pre>
 *
 * Rows hold user-entered values from A1: string, number, boolean, null (empty); a string starting with
 * {@code =} is a formula, and {@code {"string":"=not a formula"}} is text that happens to start with
 * {@code =}. {@code {"computed":"Total_Uniones"}} (or a number or boolean) is a cell filled by an array
 * formula anchored elsewhere: it shows that value but has no entered value, as Google returns such cells
 * ({@code effectiveValue} and {@code formattedValue}, no {@code userEnteredValue}).
 *
 * <p>Developer metadata, when there is any: {@code "developerMetadata":[{"metadataId":7,"metadataKey":"k",
 * "metadataValue":"v","visibility":"DOCUMENT"}]} at the top level is tied to the spreadsheet; inside a sheet
 * it is tied to that sheet, or with {@code "column":"D"} to a column, with {@code "row":5} (1-based) to a
 * row. {@code metadataValue} may be left out; {@code visibility} defaults to DOCUMENT; a missing
 * {@code metadataId} gets the next id above the largest given. Dumps list it sorted by id, and leave the key
 * out when there is none.
 *
 * <p>Dumps are deterministic, so {@code read(write(x))} reproduces x.
 */
public final class SeedFormat {

    /** Every key each object of the format may have; anything else is a typo, refused by name. */
    private static final List<String> SPREADSHEET_KEYS =
            List.of("spreadsheetId", "title", "locale", "timeZone", "sheets", "developerMetadata");

    private static final List<String> SHEET_KEYS = List.of(
            "title",
            "sheetId",
            "index",
            "rowCount",
            "columnCount",
            "frozenRowCount",
            "rows",
            "formats",
            "developerMetadata");
    private static final List<String> FORMAT_KEYS = List.of("range", "type", "pattern");
    private static final List<String> METADATA_KEYS =
            List.of("metadataId", "metadataKey", "metadataValue", "visibility", "column", "row");

    private SeedFormat() {}

    /** Builds a spreadsheet; throws IllegalArgumentException on anything outside its declared grid. */
    public static Spreadsheet read(JsonObject json) {
        knownKeys(json, SPREADSHEET_KEYS, "the spreadsheet");
        String id = string(json, "spreadsheetId", null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("seed: spreadsheetId is required");
        }
        Spreadsheet spreadsheet = new Spreadsheet(
                id, string(json, "title", id), string(json, "locale", "en_US"), string(json, "timeZone", "Etc/GMT"));
        JsonArray sheets = array(json, "sheets", "the spreadsheet");
        Set<String> titles = new HashSet<>();
        long cells = 0;
        for (JsonElement element : sheets) {
            Sheet sheet = readSheet(spreadsheet, object(element, "every entry of sheets"));
            if (!titles.add(sheet.title().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("seed: duplicate sheet title " + sheet.title());
            }
            if (spreadsheet.sheetById(sheet.sheetId()).isPresent()) {
                throw new IllegalArgumentException("seed: duplicate sheetId " + sheet.sheetId());
            }
            cells += sheet.cellCount();
            if (cells > Spreadsheet.CELL_LIMIT) {
                throw new IllegalArgumentException("seed: more than " + Spreadsheet.CELL_LIMIT + " cells");
            }
            spreadsheet.sheets().add(sheet);
        }
        List<JsonObject> pending = new ArrayList<>();
        List<DeveloperMetadata.Location> where = new ArrayList<>();
        for (JsonElement m : array(json, "developerMetadata", "the spreadsheet")) {
            pending.add(metadata(m));
            where.add(new DeveloperMetadata.OnSpreadsheet());
        }
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = spreadsheet.sheets().get(i);
            for (JsonElement m :
                    array(sheets.get(i).getAsJsonObject(), "developerMetadata", "sheet " + sheet.title())) {
                pending.add(metadata(m));
                where.add(seedLocation(sheet, m.getAsJsonObject()));
            }
        }
        readMetadata(spreadsheet, pending, where);
        return spreadsheet;
    }

    /** {@code json[key]}, an array, or an empty one when the key is absent or null. */
    private static JsonArray array(JsonObject json, String key, String where) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return new JsonArray();
        }
        if (!json.get(key).isJsonArray()) {
            throw new IllegalArgumentException(
                    "seed: " + key + " of " + where + " must be an array, not " + json.get(key));
        }
        return json.getAsJsonArray(key);
    }

    private static JsonObject object(JsonElement element, String what) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("seed: " + what + " must be an object, not " + element);
        }
        return element.getAsJsonObject();
    }

    private static JsonObject metadata(JsonElement element) {
        JsonObject json = object(element, "every entry of developerMetadata");
        knownKeys(json, METADATA_KEYS, "a developerMetadata entry");
        return json;
    }

    /**
     * A misspelt key would otherwise be ignored and its default used ({@code "colummCount":67} giving 26
     * columns), which shows only later as a sheet that is not what was meant.
     */
    private static void knownKeys(JsonObject json, List<String> known, String where) {
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("seed: unknown key \"" + key + "\" in " + where + " (known keys: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private static DeveloperMetadata.Location seedLocation(Sheet sheet, JsonObject json) {
        if (json.has("column") && json.has("row")) {
            throw new IllegalArgumentException("seed: metadata on " + sheet.title() + " names a row and a column");
        }
        if (json.has("column")) {
            String letters = json.get("column").getAsString();
            if (!letters.matches("[A-Za-z]{1,3}")) {
                throw new IllegalArgumentException("seed: bad metadata column " + letters);
            }
            int column = ColumnLetters.toIndex(letters);
            if (column >= sheet.columnCount()) {
                throw new IllegalArgumentException("seed: metadata column " + letters + " is outside " + sheet.title());
            }
            return new DeveloperMetadata.OnDimension(sheet.sheetId(), false, column);
        }
        if (json.has("row")) {
            int row = integer(json, "row", 0, "metadata on " + sheet.title()) - 1;
            if (row < 0 || row >= sheet.rowCount()) {
                throw new IllegalArgumentException("seed: metadata row " + (row + 1) + " is outside " + sheet.title());
            }
            return new DeveloperMetadata.OnDimension(sheet.sheetId(), true, row);
        }
        return new DeveloperMetadata.OnSheet(sheet.sheetId());
    }

    private static void readMetadata(
            Spreadsheet spreadsheet, List<JsonObject> entries, List<DeveloperMetadata.Location> where) {
        int next = 1;
        for (JsonObject entry : entries) {
            if (entry.has("metadataId")) {
                next = Math.max(next, integer(entry, "metadataId", 0, "a developerMetadata entry") + 1);
            }
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            int id = entry.has("metadataId") ? integer(entry, "metadataId", 0, "a developerMetadata entry") : next++;
            String key = string(entry, "metadataKey", null);
            if (id <= 0 || !ids.add(id)) {
                throw new IllegalArgumentException("seed: metadataId " + id + " is not positive or not unique");
            }
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("seed: metadata " + id + " has no metadataKey");
            }
            spreadsheet
                    .developerMetadata()
                    .add(new DeveloperMetadata(
                            id,
                            key,
                            string(entry, "metadataValue", null),
                            where.get(i),
                            string(entry, "visibility", "DOCUMENT")));
        }
    }

    private static Sheet readSheet(Spreadsheet spreadsheet, JsonObject json) {
        String title = string(json, "title", null);
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException("seed: every sheet needs a title");
        }
        String where = "sheet " + title;
        knownKeys(json, SHEET_KEYS, where);
        int sheetId = json.has("sheetId")
                ? integer(json, "sheetId", 0, where)
                : SheetIds.next(spreadsheet.spreadsheetId(), spreadsheet.sheets());
        integer(json, "index", 0, where);
        int rowCount = integer(json, "rowCount", 1000, where);
        int columnCount = integer(json, "columnCount", 26, where);
        int frozen = integer(json, "frozenRowCount", 0, where);
        if (rowCount < 1 || columnCount < 1 || frozen < 0 || frozen >= rowCount) {
            throw new IllegalArgumentException("seed: sheet " + title + " has an invalid grid size");
        }
        Sheet sheet = new Sheet(sheetId, title, rowCount, columnCount, frozen);
        JsonArray rows = array(json, "rows", where);
        if (rows.size() > rowCount) {
            throw new IllegalArgumentException(
                    "seed: sheet " + title + " has " + rows.size() + " rows, grid has " + rowCount);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isJsonNull() && !rows.get(r).isJsonArray()) {
                throw new IllegalArgumentException(
                        "seed: row " + (r + 1) + " of " + where + " must be an array, not " + rows.get(r));
            }
            JsonArray row =
                    rows.get(r).isJsonNull() ? new JsonArray() : rows.get(r).getAsJsonArray();
            if (row.size() > columnCount) {
                throw new IllegalArgumentException("seed: sheet " + title + " row " + (r + 1) + " has " + row.size()
                        + " cells, grid has " + columnCount + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                sheet.set(r, c, readValue(row.get(c)));
            }
        }
        for (JsonElement f : array(json, "formats", where)) {
            JsonObject format = object(f, "every entry of formats");
            knownKeys(format, FORMAT_KEYS, "a format of " + where);
            readFormat(sheet, format);
        }
        return sheet;
    }

    private static CellValue readValue(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (json.isJsonObject() && json.getAsJsonObject().size() == 1) {
            JsonObject object = json.getAsJsonObject();
            if (object.has("string") && object.get("string").isJsonPrimitive()) {
                return new CellValue.Text(object.get("string").getAsString());
            }
            if (object.has("computed") && object.get("computed").isJsonPrimitive()) {
                return new CellValue.ArrayOutput(shown(object.getAsJsonPrimitive("computed")));
            }
        }
        if (!json.isJsonPrimitive()) {
            throw new IllegalArgumentException("seed: unsupported cell " + json);
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return new CellValue.Bool(p.getAsBoolean());
        }
        if (p.isNumber()) {
            return new CellValue.Num(p.getAsDouble());
        }
        String s = p.getAsString();
        if (s.isEmpty()) {
            return null;
        }
        return s.startsWith("=") && s.length() > 1 ? new CellValue.Formula(s) : new CellValue.Text(s);
    }

    /** A computed value as the seed gives it: never a formula, a string starting with = included. */
    private static EffectiveValue shown(JsonPrimitive p) {
        if (p.isBoolean()) {
            return new CellValue.Bool(p.getAsBoolean());
        }
        return p.isNumber() ? new CellValue.Num(p.getAsDouble()) : new CellValue.Text(p.getAsString());
    }

    private static void readFormat(Sheet sheet, JsonObject json) {
        String rangeText = string(json, "range", null);
        A1Range range;
        try {
            range = A1Range.parse(Objects.requireNonNull(rangeText, "range"));
        } catch (SheetsError e) {
            throw new IllegalArgumentException("seed: bad format range " + rangeText);
        }
        int r1 = range.endRow() == null ? sheet.rowCount() : range.endRow();
        int c1 = range.endColumn() == null ? sheet.columnCount() : range.endColumn();
        if (range.sheetTitle() != null
                || range.startRow() >= sheet.rowCount()
                || range.startColumn() >= sheet.columnCount()
                || r1 > sheet.rowCount()
                || c1 > sheet.columnCount()) {
            throw new IllegalArgumentException(
                    "seed: format range " + rangeText + " is outside sheet " + sheet.title());
        }
        NumberFormat format = NumberFormat.of(string(json, "type", "NUMBER"), string(json, "pattern", ""));
        for (int r = range.startRow(); r < r1; r++) {
            for (int c = range.startColumn(); c < c1; c++) {
                Cell old = sheet.cell(r, c);
                sheet.set(r, c, Cell.of(old == null ? null : old.value(), format));
            }
        }
    }

    /** The spreadsheet in seed format; call with its lock held. */
    public static JsonObject write(Spreadsheet spreadsheet) {
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        json.addProperty("title", spreadsheet.title());
        json.addProperty("locale", spreadsheet.locale());
        json.addProperty("timeZone", spreadsheet.timeZone());
        JsonArray sheets = new JsonArray();
        for (int i = 0; i < spreadsheet.sheets().size(); i++) {
            JsonObject sheet = writeSheet(spreadsheet.sheets().get(i), i);
            addMetadata(sheet, spreadsheet, spreadsheet.sheets().get(i).sheetId());
            sheets.add(sheet);
        }
        addMetadata(json, spreadsheet, null);
        json.add("sheets", sheets);
        return json;
    }

    /** The metadata on the spreadsheet ({@code sheetId} null) or on one sheet and its rows and columns. */
    private static void addMetadata(JsonObject into, Spreadsheet spreadsheet, Integer sheetId) {
        JsonArray out = new JsonArray();
        spreadsheet.developerMetadata().stream()
                .filter(m -> Objects.equals(m.sheetId(), sheetId))
                .sorted(Comparator.comparingInt(DeveloperMetadata::metadataId))
                .forEach(m -> {
                    JsonObject entry = new JsonObject();
                    entry.addProperty("metadataId", m.metadataId());
                    entry.addProperty("metadataKey", m.key());
                    if (m.value() != null) {
                        entry.addProperty("metadataValue", m.value());
                    }
                    entry.addProperty("visibility", m.visibility());
                    if (m.location() instanceof DeveloperMetadata.OnDimension d) {
                        if (d.rows()) {
                            entry.addProperty("row", d.index() + 1);
                        } else {
                            entry.addProperty("column", ColumnLetters.of(d.index()));
                        }
                    }
                    out.add(entry);
                });
        if (!out.isEmpty()) {
            into.add("developerMetadata", out);
        }
    }

    private static JsonObject writeSheet(Sheet sheet, int index) {
        JsonObject json = new JsonObject();
        json.addProperty("title", sheet.title());
        json.addProperty("sheetId", sheet.sheetId());
        json.addProperty("index", index);
        json.addProperty("rowCount", sheet.rowCount());
        json.addProperty("columnCount", sheet.columnCount());
        json.addProperty("frozenRowCount", sheet.frozenRowCount());
        JsonArray rows = new JsonArray();
        int lastRow = sheet.lastValueRow(0, sheet.columnCount());
        for (int r = 0; r < lastRow; r++) {
            JsonArray row = new JsonArray();
            int last = -1;
            for (int c = 0; c < sheet.columnCount(); c++) {
                if (sheet.value(r, c) != null) {
                    last = c;
                }
            }
            for (int c = 0; c <= last; c++) {
                row.add(writeValue(sheet.value(r, c)));
            }
            rows.add(row);
        }
        json.add("rows", rows);
        json.add("formats", writeFormats(sheet));
        return json;
    }

    /** One cell's value in this format ({@code null} JSON for none); for reports of cell writes. */
    public static JsonElement cellJson(CellValue value) {
        return writeValue(value);
    }

    private static JsonElement writeValue(CellValue value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof CellValue.Text t) {
            if (t.text().startsWith("=")) {
                JsonObject literal = new JsonObject();
                literal.addProperty("string", t.text());
                return literal;
            }
            return new JsonPrimitive(t.text());
        }
        if (value instanceof CellValue.Formula f) {
            return new JsonPrimitive(f.formula());
        }
        if (value instanceof CellValue.ArrayOutput output) {
            JsonObject computed = new JsonObject();
            EffectiveValue shown = output.shown();
            computed.add(
                    "computed",
                    shown instanceof CellValue.Num n
                            ? number(n.number())
                            : shown instanceof CellValue.Bool b
                                    ? new JsonPrimitive(b.bool())
                                    : new JsonPrimitive(FormattedValues.of(shown, null)));
            return computed;
        }
        if (value instanceof CellValue.Bool b) {
            return new JsonPrimitive(b.bool());
        }
        return number(((CellValue.Num) value).number());
    }

    /** A JSON number, integral values without a fraction. */
    public static JsonPrimitive number(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 9.0e15) {
            return new JsonPrimitive((long) n);
        }
        return new JsonPrimitive(n);
    }

    private static JsonArray writeFormats(Sheet sheet) {
        JsonArray formats = new JsonArray();
        int lastRow = sheet.lastCellRow();
        for (int c = 0; c < sheet.columnCount(); c++) {
            int r = 0;
            while (r < lastRow) {
                Cell cell = sheet.cell(r, c);
                NumberFormat format = cell == null ? null : cell.format();
                if (format == null) {
                    r++;
                    continue;
                }
                int end = r + 1;
                while (end < lastRow
                        && sheet.cell(end, c) != null
                        && format.equals(sheet.cell(end, c).format())) {
                    end++;
                }
                JsonObject f = new JsonObject();
                String column = ColumnLetters.of(c);
                f.addProperty("range", end - r == 1 ? column + (r + 1) : column + (r + 1) + ":" + column + end);
                f.addProperty("type", format.type());
                if (format.hasPattern()) {
                    f.addProperty("pattern", format.pattern());
                }
                formats.add(f);
                r = end;
            }
        }
        return formats;
    }

    /** {@code json[key]}, a JSON string; Gson would turn a number or an array of one string into text. */
    private static String string(JsonObject json, String key, String fallback) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("seed: " + key + " must be a string, not " + value);
        }
        return value.getAsString();
    }

    /** {@code json[key]}, a JSON whole number; Gson would also take {@code "1000"} or {@code 1.5}. */
    private static int integer(JsonObject json, String key, int fallback, String where) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                return value.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
            } catch (ArithmeticException notWhole) {
                // reported below
            }
        }
        throw new IllegalArgumentException("seed: " + key + " of " + where + " must be a whole number, not " + value);
    }
}
