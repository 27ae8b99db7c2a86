package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import io.sheetsemulator.model.A1Range;
import io.sheetsemulator.model.Cell;
import io.sheetsemulator.model.CellValue;
import io.sheetsemulator.model.DataFilter;
import io.sheetsemulator.model.DeveloperMetadata;
import io.sheetsemulator.model.EffectiveValue;
import io.sheetsemulator.model.Evaluation;
import io.sheetsemulator.model.FormattedValues;
import io.sheetsemulator.model.GridRect;
import io.sheetsemulator.model.NumberFormat;
import io.sheetsemulator.model.SeedFormat;
import io.sheetsemulator.model.Sheet;
import io.sheetsemulator.model.Spreadsheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Spreadsheet resource of spreadsheets.get: properties, sheets and (on request) GridData.
 *
 * <p>It is written straight to JSON text under the request's field mask, building only the fields
 * the mask selects: a 138,000-row read asks for one field of a million cells, and rendering every
 * field of each as a tree, then pruning it, took seconds. The text is exactly that of
 * {@code mask.prune(tree)}, with fields in the order the full resource has them.
 */
final class SpreadsheetJson {

    private SpreadsheetJson() {}

    /**
     * Renders {@code spreadsheet} as UTF-8 JSON keeping what {@code mask} selects. With {@code ranges},
     * only the sheets they touch are listed, each with one data block per range in request order;
     * without, every sheet, with whole-sheet data if {@code withData}.
     */
    static byte[] json(Spreadsheet spreadsheet, List<String> ranges, boolean withData, FieldMask mask) {
        Map<Sheet, List<GridRect>> blocks = blocks(spreadsheet, ranges, withData);
        Evaluation evaluation = new Evaluation(spreadsheet);
        return Json.bytes(out -> write(out, evaluation, blocks, mask));
    }

    /**
     * Renders {@code spreadsheet} for spreadsheets.getByDataFilter: only the sheets {@code matches} touch, each
     * with one data block per matched range (if {@code withData}), in sheet order.
     */
    static byte[] jsonOfMatches(
            Spreadsheet spreadsheet, List<DataFilter.Match> matches, boolean withData, FieldMask mask) {
        Map<Sheet, List<GridRect>> blocks = new LinkedHashMap<>();
        for (Sheet sheet : spreadsheet.sheets()) {
            for (DataFilter.Match match : matches) {
                if (match.sheet() == sheet) {
                    List<GridRect> rects = blocks.computeIfAbsent(sheet, s -> new ArrayList<>());
                    if (withData) {
                        rects.add(match.rect());
                    }
                }
            }
        }
        Evaluation evaluation = new Evaluation(spreadsheet);
        return Json.bytes(out -> write(out, evaluation, blocks, mask));
    }

    /** The whole resource as a tree, for answers that embed it. */
    static JsonObject render(Spreadsheet spreadsheet, List<String> ranges, boolean withData) {
        String text = new String(json(spreadsheet, ranges, withData, FieldMask.ALL), StandardCharsets.UTF_8);
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static Map<Sheet, List<GridRect>> blocks(Spreadsheet spreadsheet, List<String> ranges, boolean withData) {
        Map<Sheet, List<GridRect>> blocks = new LinkedHashMap<>();
        if (ranges.isEmpty()) {
            for (Sheet sheet : spreadsheet.sheets()) {
                blocks.put(
                        sheet,
                        withData
                                ? List.of(new GridRect(sheet.title(), 0, 0, sheet.rowCount(), sheet.columnCount()))
                                : List.of());
            }
            return blocks;
        }
        Map<Sheet, List<GridRect>> touched = new LinkedHashMap<>();
        for (String text : ranges) {
            A1Range range = A1Range.parse(text);
            Sheet sheet = range.sheetIn(spreadsheet, text);
            touched.computeIfAbsent(sheet, s -> new ArrayList<>()).add(range.clampedTo(sheet));
        }
        for (Sheet sheet : spreadsheet.sheets()) {
            if (touched.containsKey(sheet)) {
                blocks.put(sheet, withData ? touched.get(sheet) : List.of());
            }
        }
        return blocks;
    }

    private static void write(JsonWriter out, Evaluation evaluation, Map<Sheet, List<GridRect>> blocks, FieldMask mask)
            throws IOException {
        Spreadsheet spreadsheet = evaluation.spreadsheet();
        out.beginObject();
        field(out, mask, "spreadsheetId", new JsonPrimitive(spreadsheet.spreadsheetId()));
        field(out, mask, "properties", properties(spreadsheet));
        FieldMask sheetsMask = mask.child("sheets");
        // Proto3 JSON leaves out an empty list: a getByDataFilter whose filters match nothing has no sheets.
        if (sheetsMask != null && !blocks.isEmpty()) {
            out.name("sheets").beginArray();
            for (Map.Entry<Sheet, List<GridRect>> entry : blocks.entrySet()) {
                Sheet sheet = entry.getKey();
                out.beginObject();
                field(out, sheetsMask, "properties", sheetProperties(sheet, spreadsheet.indexOf(sheet)));
                FieldMask dataMask = sheetsMask.child("data");
                if (!entry.getValue().isEmpty() && dataMask != null) {
                    out.name("data").beginArray();
                    for (GridRect rect : entry.getValue()) {
                        gridData(out, evaluation, sheet, rect, dataMask);
                    }
                    out.endArray();
                }
                JsonArray sheetMetadata = metadata(
                        spreadsheet,
                        m -> m.location() instanceof DeveloperMetadata.OnSheet s && s.sheetId() == sheet.sheetId());
                if (!sheetMetadata.isEmpty()) {
                    field(out, sheetsMask, "developerMetadata", sheetMetadata);
                }
                out.endObject();
            }
            out.endArray();
        }
        field(
                out,
                mask,
                "spreadsheetUrl",
                new JsonPrimitive("https://docs.google.com/spreadsheets/d/" + spreadsheet.spreadsheetId() + "/edit"));
        JsonArray spreadsheetMetadata =
                metadata(spreadsheet, m -> m.location() instanceof DeveloperMetadata.OnSpreadsheet);
        if (!spreadsheetMetadata.isEmpty()) {
            field(out, mask, "developerMetadata", spreadsheetMetadata);
        }
        out.endObject();
    }

    private static JsonArray metadata(Spreadsheet spreadsheet, Predicate<DeveloperMetadata> which) {
        JsonArray array = new JsonArray();
        spreadsheet.developerMetadata().stream().filter(which).forEach(m -> array.add(MetadataJson.json(m)));
        return array;
    }

    /** Writes {@code name: value} under the enclosing object's {@code mask}, if it selects {@code name}. */
    private static void field(JsonWriter out, FieldMask mask, String name, JsonElement value) throws IOException {
        FieldMask child = mask.child(name);
        if (child != null) {
            out.name(name);
            Json.write(out, value, child);
        }
    }

    private static JsonObject properties(Spreadsheet spreadsheet) {
        JsonObject p = new JsonObject();
        p.addProperty("title", spreadsheet.title());
        p.addProperty("locale", spreadsheet.locale());
        p.addProperty("autoRecalc", "ON_CHANGE");
        p.addProperty("timeZone", spreadsheet.timeZone());
        return p;
    }

    static JsonObject sheetProperties(Sheet sheet, int index) {
        JsonObject p = new JsonObject();
        p.addProperty("sheetId", sheet.sheetId());
        p.addProperty("title", sheet.title());
        p.addProperty("index", index);
        p.addProperty("sheetType", "GRID");
        JsonObject grid = new JsonObject();
        grid.addProperty("rowCount", sheet.rowCount());
        grid.addProperty("columnCount", sheet.columnCount());
        if (sheet.frozenRowCount() > 0) {
            grid.addProperty("frozenRowCount", sheet.frozenRowCount());
        }
        p.add("gridProperties", grid);
        return p;
    }

    private static void gridData(JsonWriter out, Evaluation evaluation, Sheet sheet, GridRect rect, FieldMask mask)
            throws IOException {
        out.beginObject();
        if (rect.startRow() > 0 && mask.child("startRow") != null) {
            out.name("startRow").value(rect.startRow());
        }
        if (rect.startColumn() > 0 && mask.child("startColumn") != null) {
            out.name("startColumn").value(rect.startColumn());
        }
        FieldMask rowDataMask = mask.child("rowData");
        int lastRow = rowDataMask == null ? rect.startRow() : lastRowWithCells(sheet, rect);
        if (lastRow > rect.startRow()) {
            FieldMask valuesMask = rowDataMask.child("values");
            CellFields fields = valuesMask == null ? null : new CellFields(valuesMask);
            out.name("rowData").beginArray();
            for (int r = rect.startRow(); r < lastRow; r++) {
                rowData(out, evaluation, sheet, r, rect, fields);
            }
            out.endArray();
        }
        FieldMask rowMetadata = mask.child("rowMetadata");
        if (rowMetadata != null) {
            dimensionProperties(
                    out,
                    "rowMetadata",
                    evaluation.spreadsheet(),
                    sheet,
                    true,
                    rect.startRow(),
                    rect.endRow(),
                    rowMetadata);
        }
        FieldMask columnMetadata = mask.child("columnMetadata");
        if (columnMetadata != null) {
            dimensionProperties(
                    out,
                    "columnMetadata",
                    evaluation.spreadsheet(),
                    sheet,
                    false,
                    rect.startColumn(),
                    rect.endColumn(),
                    columnMetadata);
        }
        out.endObject();
    }

    /**
     * A block's rowMetadata or columnMetadata: one DimensionProperties per row or column of the block, with
     * the default pixelSize (21 for a row, 100 for a column; the emulator keeps no sizes) and the developer
     * metadata on that row or column.
     */
    private static void dimensionProperties(
            JsonWriter out,
            String name,
            Spreadsheet spreadsheet,
            Sheet sheet,
            boolean rows,
            int from,
            int to,
            FieldMask mask)
            throws IOException {
        Map<Integer, JsonArray> byIndex = new HashMap<>();
        for (DeveloperMetadata m : spreadsheet.developerMetadata()) {
            if (m.location() instanceof DeveloperMetadata.OnDimension d
                    && d.sheetId() == sheet.sheetId()
                    && d.rows() == rows) {
                byIndex.computeIfAbsent(d.index(), i -> new JsonArray()).add(MetadataJson.json(m));
            }
        }
        out.name(name).beginArray();
        for (int i = from; i < to; i++) {
            JsonObject properties = new JsonObject();
            properties.addProperty("pixelSize", rows ? 21 : 100);
            if (byIndex.containsKey(i)) {
                properties.add("developerMetadata", byIndex.get(i));
            }
            Json.write(out, properties, mask);
        }
        out.endArray();
    }

    private static int lastRowWithCells(Sheet sheet, GridRect rect) {
        for (int r = Math.min(rect.endRow(), sheet.lastCellRow()) - 1; r >= rect.startRow(); r--) {
            for (int c = rect.startColumn(); c < rect.endColumn(); c++) {
                if (sheet.cell(r, c) != null) {
                    return r + 1;
                }
            }
        }
        return rect.startRow();
    }

    /** One RowData; {@code fields} is null when the mask leaves out {@code values}. */
    private static void rowData(
            JsonWriter out, Evaluation evaluation, Sheet sheet, int row, GridRect rect, CellFields fields)
            throws IOException {
        out.beginObject();
        if (fields != null) {
            int last = rect.startColumn() - 1;
            for (int c = rect.endColumn() - 1; c >= rect.startColumn(); c--) {
                if (sheet.cell(row, c) != null) {
                    last = c;
                    break;
                }
            }
            if (last >= rect.startColumn()) {
                out.name("values").beginArray();
                for (int c = rect.startColumn(); c <= last; c++) {
                    cellData(out, evaluation, sheet, row, c, fields);
                }
                out.endArray();
            }
        }
        out.endObject();
    }

    /** The selected CellData fields, looked up once per block rather than once per cell; null = left out. */
    private record CellFields(
            FieldMask userEnteredValue,
            FieldMask effectiveValue,
            FieldMask formattedValue,
            FieldMask userEnteredFormat) {
        CellFields(FieldMask values) {
            this(
                    values.child("userEnteredValue"),
                    values.child("effectiveValue"),
                    values.child("formattedValue"),
                    values.child("userEnteredFormat"));
        }
    }

    private static void cellData(
            JsonWriter out, Evaluation evaluation, Sheet sheet, int row, int column, CellFields fields)
            throws IOException {
        Cell cell = sheet.cell(row, column);
        out.beginObject();
        if (cell != null) {
            CellValue value = cell.value();
            if (value != null) {
                // An array formula's output has no entered value: Google gives only effective and formatted.
                if (fields.userEnteredValue() != null && !(value instanceof CellValue.ArrayOutput)) {
                    out.name("userEnteredValue");
                    enteredValue(out, value, fields.userEnteredValue());
                }
                EffectiveValue effective = fields.effectiveValue() != null || fields.formattedValue() != null
                        ? evaluation.of(sheet, row, column)
                        : null;
                if (effective != null && fields.effectiveValue() != null) {
                    out.name("effectiveValue");
                    effectiveValue(out, effective, fields.effectiveValue());
                }
                if (effective != null && fields.formattedValue() != null) {
                    out.name("formattedValue").value(FormattedValues.of(effective, cell.format()));
                }
            }
            NumberFormat format = cell.format();
            if (format != null && fields.userEnteredFormat() != null) {
                out.name("userEnteredFormat").beginObject();
                FieldMask numberFormat = fields.userEnteredFormat().child("numberFormat");
                if (numberFormat != null) {
                    out.name("numberFormat").beginObject();
                    if (numberFormat.child("type") != null) {
                        out.name("type").value(format.type());
                    }
                    if (format.hasPattern() && numberFormat.child("pattern") != null) {
                        out.name("pattern").value(format.pattern());
                    }
                    out.endObject();
                }
                out.endObject();
            }
        }
        out.endObject();
    }

    /** A userEnteredValue ExtendedValue. */
    private static void enteredValue(JsonWriter out, CellValue value, FieldMask mask) throws IOException {
        if (value instanceof CellValue.Formula f) {
            out.beginObject();
            if (mask.child("formulaValue") != null) {
                out.name("formulaValue").value(f.formula());
            }
            out.endObject();
        } else {
            effectiveValue(out, (EffectiveValue) value, mask);
        }
    }

    /** An effectiveValue ExtendedValue; an error as {@code errorValue{type,message}}. */
    private static void effectiveValue(JsonWriter out, EffectiveValue value, FieldMask mask) throws IOException {
        out.beginObject();
        if (value instanceof CellValue.Text t) {
            if (mask.child("stringValue") != null) {
                out.name("stringValue").value(t.text());
            }
        } else if (value instanceof CellValue.Num n) {
            if (mask.child("numberValue") != null) {
                out.name("numberValue").value(SeedFormat.number(n.number()).getAsNumber());
            }
        } else if (value instanceof CellValue.Bool b) {
            if (mask.child("boolValue") != null) {
                out.name("boolValue").value(b.bool());
            }
        } else {
            EffectiveValue.Error e = (EffectiveValue.Error) value;
            FieldMask errorMask = mask.child("errorValue");
            if (errorMask != null) {
                out.name("errorValue").beginObject();
                if (errorMask.child("type") != null) {
                    out.name("type").value(e.type().name());
                }
                if (errorMask.child("message") != null) {
                    out.name("message").value(e.message());
                }
                out.endObject();
            }
        }
        out.endObject();
    }
}
