package io.sheetsemulator.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.CellValue;
import io.sheetsemulator.model.DataFilter;
import io.sheetsemulator.model.NumberFormat;
import io.sheetsemulator.model.SheetRequest;
import io.sheetsemulator.model.SheetsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one element of a batchUpdate's {@code requests} into a {@link SheetRequest}. */
final class SheetRequests {

    private SheetRequests() {}

    static SheetRequest parse(int index, JsonObject request) {
        if (request.size() != 1) {
            throw SheetsError.invalid("Invalid requests[" + index + "]: "
                    + (request.size() == 0 ? "No request set." : "Only one request kind may be set per request."));
        }
        Map.Entry<String, JsonElement> only = request.entrySet().iterator().next();
        String kind = only.getKey();
        JsonObject body = only.getValue().isJsonObject() ? only.getValue().getAsJsonObject() : new JsonObject();
        try {
            return switch (kind) {
                case "updateSheetProperties" -> updateSheetProperties(body);
                case "appendDimension" ->
                    new SheetRequest.AppendDimension(
                            integer(body, "sheetId", 0), text(body, "dimension"), integer(body, "length", 0));
                case "repeatCell" -> repeatCell(body);
                case "addSheet" -> addSheet(body);
                case "insertDimension" ->
                    new SheetRequest.InsertDimension(
                            dimensionRange(object(body, "range")),
                            body.has("inheritFromBefore")
                                    && !body.get("inheritFromBefore").isJsonNull()
                                    && body.get("inheritFromBefore").getAsBoolean());
                case "deleteDimension" -> new SheetRequest.DeleteDimension(dimensionRange(object(body, "range")));
                case "moveDimension" ->
                    new SheetRequest.MoveDimension(
                            dimensionRange(object(body, "source")), optional(body, "destinationIndex"));
                case "updateCells" -> updateCells(body);
                case "createDeveloperMetadata" ->
                    new SheetRequest.CreateDeveloperMetadata(MetadataJson.spec(object(body, "developerMetadata")));
                case "updateDeveloperMetadata" -> updateDeveloperMetadata(body);
                case "deleteDeveloperMetadata" ->
                    new SheetRequest.DeleteDeveloperMetadata(
                            body.has("dataFilter") ? MetadataJson.filter(body.get("dataFilter")) : null);
                default -> new SheetRequest.Unsupported(kind);
            };
        } catch (SheetsError.InvalidArgument e) {
            throw e.inRequest(index, kind);
        }
    }

    private static SheetRequest updateSheetProperties(JsonObject body) {
        JsonObject p = object(body, "properties");
        JsonObject grid = object(p, "gridProperties");
        return new SheetRequest.UpdateSheetProperties(
                integer(p, "sheetId", 0),
                text(p, "title"),
                optional(p, "index"),
                optional(grid, "rowCount"),
                optional(grid, "columnCount"),
                optional(grid, "frozenRowCount"),
                fields(body));
    }

    private static SheetRequest repeatCell(JsonObject body) {
        SheetRequest.CellEdit cell = cellEdit(object(body, "cell"));
        return new SheetRequest.RepeatCell(gridRange(object(body, "range")), cell.value(), cell.format(), fields(body));
    }

    private static SheetRequest updateCells(JsonObject body) {
        List<List<SheetRequest.CellEdit>> rows = new ArrayList<>();
        if (body.has("rows") && body.get("rows").isJsonArray()) {
            for (JsonElement row : body.getAsJsonArray("rows")) {
                List<SheetRequest.CellEdit> cells = new ArrayList<>();
                JsonObject rowData = row.isJsonObject() ? row.getAsJsonObject() : new JsonObject();
                if (rowData.has("values") && rowData.get("values").isJsonArray()) {
                    for (JsonElement cell : rowData.getAsJsonArray("values")) {
                        cells.add(cellEdit(cell.isJsonObject() ? cell.getAsJsonObject() : new JsonObject()));
                    }
                }
                rows.add(cells);
            }
        }
        SheetRequest.GridRange start = null;
        if (body.has("start") && body.get("start").isJsonObject()) {
            JsonObject coordinate = body.getAsJsonObject("start");
            start = new SheetRequest.GridRange(
                    integer(coordinate, "sheetId", 0),
                    optional(coordinate, "rowIndex"),
                    null,
                    optional(coordinate, "columnIndex"),
                    null);
        }
        SheetRequest.GridRange range =
                body.has("range") && body.get("range").isJsonObject() ? gridRange(body.getAsJsonObject("range")) : null;
        return new SheetRequest.UpdateCells(rows, start, range, fields(body));
    }

    private static SheetRequest updateDeveloperMetadata(JsonObject body) {
        List<DataFilter> filters = new ArrayList<>();
        if (body.has("dataFilters") && body.get("dataFilters").isJsonArray()) {
            for (JsonElement filter : body.getAsJsonArray("dataFilters")) {
                filters.add(MetadataJson.filter(filter));
            }
        }
        return new SheetRequest.UpdateDeveloperMetadata(
                filters, MetadataJson.spec(object(body, "developerMetadata")), fields(body));
    }

    static SheetRequest.GridRange gridRange(JsonObject range) {
        return new SheetRequest.GridRange(
                integer(range, "sheetId", 0),
                optional(range, "startRowIndex"),
                optional(range, "endRowIndex"),
                optional(range, "startColumnIndex"),
                optional(range, "endColumnIndex"));
    }

    static SheetRequest.DimensionRange dimensionRange(JsonObject range) {
        return new SheetRequest.DimensionRange(
                integer(range, "sheetId", 0),
                text(range, "dimension"),
                optional(range, "startIndex"),
                optional(range, "endIndex"));
    }

    /** A CellData's userEnteredValue and userEnteredFormat.numberFormat; other format parts are refused. */
    private static SheetRequest.CellEdit cellEdit(JsonObject cell) {
        CellValue value = null;
        if (cell.has("userEnteredValue")) {
            value = value(object(cell, "userEnteredValue"));
        }
        NumberFormat format = null;
        JsonObject userEnteredFormat = object(cell, "userEnteredFormat");
        for (String key : userEnteredFormat.keySet()) {
            if (!key.equals("numberFormat")) {
                throw SheetsError.invalid("userEnteredFormat." + key + " is not supported by the Sheets emulator.");
            }
        }
        if (userEnteredFormat.has("numberFormat")) {
            JsonObject nf = object(userEnteredFormat, "numberFormat");
            String type = text(nf, "type");
            if (type == null) {
                throw SheetsError.invalid("numberFormat.type is required.");
            }
            format = NumberFormat.of(type, text(nf, "pattern"));
        }
        return new SheetRequest.CellEdit(value, format);
    }

    private static CellValue value(JsonObject extended) {
        if (extended.has("stringValue")) {
            return new CellValue.Text(extended.get("stringValue").getAsString());
        }
        if (extended.has("numberValue")) {
            return new CellValue.Num(extended.get("numberValue").getAsDouble());
        }
        if (extended.has("boolValue")) {
            return new CellValue.Bool(extended.get("boolValue").getAsBoolean());
        }
        if (extended.has("formulaValue")) {
            return new CellValue.Formula(extended.get("formulaValue").getAsString());
        }
        return null;
    }

    private static SheetRequest addSheet(JsonObject body) {
        JsonObject p = object(body, "properties");
        JsonObject grid = object(p, "gridProperties");
        return new SheetRequest.AddSheet(
                optional(p, "sheetId"),
                text(p, "title"),
                optional(p, "index"),
                optional(grid, "rowCount"),
                optional(grid, "columnCount"),
                optional(grid, "frozenRowCount"));
    }

    private static List<String> fields(JsonObject body) {
        String fields = text(body, "fields");
        if (fields == null || fields.isBlank()) {
            return List.of();
        }
        return FieldMask.parse(fields).leafPaths();
    }

    private static JsonObject object(JsonObject json, String key) {
        return json.has(key) && json.get(key).isJsonObject() ? json.getAsJsonObject(key) : new JsonObject();
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }

    private static Integer optional(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsInt() : null;
    }

    private static int integer(JsonObject json, String key, int fallback) {
        Integer value = optional(json, key);
        return value == null ? fallback : value;
    }
}
