package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.sheetsemulator.model.A1Range;
import io.sheetsemulator.model.CellJournal;
import io.sheetsemulator.model.Evaluation;
import io.sheetsemulator.model.GridRect;
import io.sheetsemulator.model.Sheet;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.model.Spreadsheet;
import io.sheetsemulator.model.ValueInputOption;
import io.sheetsemulator.model.ValuesAppend;
import io.sheetsemulator.model.ValuesClear;
import io.sheetsemulator.model.ValuesWrite;
import io.sheetsemulator.model.Workbook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Sheets v4 methods: JSON and query parameters in, JSON out, {@link SheetsError} for refusals.
 * Each call holds the spreadsheet's lock for its whole duration, so every request is atomic.
 */
final class SheetsApi {

    private final Workbook workbook;
    private final Hooks hooks;

    SheetsApi(Workbook workbook, Hooks hooks) {
        this.workbook = workbook;
        this.hooks = hooks;
    }

    /**
     * Answers one call as UTF-8 JSON, keeping only what the {@code fields} parameter selects.
     * spreadsheets.get renders under the mask itself; other answers are trees, pruned after the lock
     * is released.
     */
    byte[] handle(Route route, QueryParams query, JsonObject body) {
        if (route.endpoint().equals("spreadsheets.create")) {
            return masked(SpreadsheetCreation.create(workbook, body), query);
        }
        Spreadsheet spreadsheet = workbook.get(route.spreadsheetId());
        JsonObject json;
        synchronized (spreadsheet.lock()) {
            if (route.endpoint().equals("spreadsheets.get")) {
                return get(spreadsheet, query);
            }
            if (route.endpoint().equals("spreadsheets.getByDataFilter")) {
                return ByDataFilter.spreadsheet(spreadsheet, query, body);
            }
            boolean journal = hooks.listening();
            if (journal) {
                CellJournal.open();
            }
            try {
                json = serve(spreadsheet, route, query, body);
                if (journal) {
                    hooks.written(spreadsheet.spreadsheetId(), route.endpoint(), CellJournal.close());
                }
            } finally {
                if (journal) {
                    CellJournal.close();
                }
            }
        }
        return masked(json, query);
    }

    private JsonObject serve(Spreadsheet spreadsheet, Route route, QueryParams query, JsonObject body) {
        return switch (route.endpoint()) {
            case "spreadsheets.batchUpdate" -> batchUpdate(spreadsheet, body);
            case "values.get" -> valuesGet(spreadsheet, route.range(), query);
            case "values.batchGet" -> valuesBatchGet(spreadsheet, query);
            case "values.update" -> valuesUpdate(spreadsheet, route.range(), query, body);
            case "values.batchUpdate" -> valuesBatchUpdate(spreadsheet, body);
            case "values.append" -> valuesAppend(spreadsheet, route.range(), query, body);
            case "values.clear" -> valuesClear(spreadsheet, route.range());
            case "values.batchClear" -> valuesBatchClear(spreadsheet, body);
            case "values.batchGetByDataFilter" -> ByDataFilter.get(spreadsheet, body);
            case "values.batchUpdateByDataFilter" -> ByDataFilter.update(spreadsheet, body);
            case "developerMetadata.get" -> ByDataFilter.metadata(spreadsheet, route.range());
            case "developerMetadata.search" -> ByDataFilter.search(spreadsheet, body);
            case "values.batchClearByDataFilter" -> ByDataFilter.clear(spreadsheet, body);
            default ->
                throw SheetsError.invalid(
                        "The method " + route.endpoint() + " is not supported by the Sheets emulator.");
        };
    }

    private static byte[] masked(JsonObject json, QueryParams query) {
        String fields = query.first("fields", null);
        return Json.bytes(fields == null ? json : FieldMask.parse(fields).prune(json));
    }

    private byte[] get(Spreadsheet spreadsheet, QueryParams query) {
        String fields = query.first("fields", null);
        FieldMask mask = fields == null ? FieldMask.ALL : FieldMask.parse(fields);
        // As documented: with a field mask, includeGridData is ignored and the mask decides.
        boolean withData = fields != null ? mask.selects("sheets", "data") : query.flag("includeGridData");
        return SpreadsheetJson.json(spreadsheet, query.all("ranges"), withData, mask);
    }

    private JsonObject valuesGet(Spreadsheet spreadsheet, String rangeText, QueryParams query) {
        ValuesJson.Render render = ValuesJson.Render.from(query);
        return readRange(spreadsheet, rangeText, render);
    }

    private static JsonObject readRange(Spreadsheet spreadsheet, String rangeText, ValuesJson.Render render) {
        A1Range range = A1Range.parse(rangeText);
        Sheet sheet = range.sheetIn(spreadsheet, rangeText);
        return ValuesJson.valueRange(new Evaluation(spreadsheet), sheet, range.clampedTo(sheet), render);
    }

    private JsonObject valuesBatchGet(Spreadsheet spreadsheet, QueryParams query) {
        ValuesJson.Render render = ValuesJson.Render.from(query);
        JsonArray ranges = new JsonArray();
        for (String range : query.all("ranges")) {
            ranges.add(readRange(spreadsheet, range, render));
        }
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (!ranges.isEmpty()) {
            json.add("valueRanges", ranges);
        }
        return json;
    }

    private JsonObject valuesUpdate(Spreadsheet spreadsheet, String rangeText, QueryParams query, JsonObject body) {
        ValueInputOption option = inputOption(query.first("valueInputOption", null));
        ValuesWrite write = ValuesWrite.plan(spreadsheet, rangeText, matrix(body), option);
        write.apply();
        JsonObject json = updateResponse(spreadsheet, write);
        if (query.flag("includeValuesInResponse")) {
            json.add(
                    "updatedData",
                    updatedData(spreadsheet, write, query.first("responseValueRenderOption", "FORMATTED_VALUE")));
        }
        return json;
    }

    private JsonObject valuesBatchUpdate(Spreadsheet spreadsheet, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        ValueInputOption option = inputOption(string(request, "valueInputOption"));
        List<ValuesWrite> writes = new ArrayList<>();
        JsonArray data = request.has("data") ? request.getAsJsonArray("data") : new JsonArray();
        for (JsonElement element : data) {
            JsonObject valueRange = element.getAsJsonObject();
            String range = string(valueRange, "range");
            if (range == null) {
                throw SheetsError.invalid("Invalid data[" + writes.size() + "]: range is required");
            }
            try {
                writes.add(ValuesWrite.plan(spreadsheet, range, matrix(valueRange), option));
            } catch (SheetsError.InvalidArgument e) {
                // As Google answers: "Invalid data[0]: Range (Raw!A19766) exceeds grid limits. ..."
                throw SheetsError.invalid("Invalid data[" + writes.size() + "]: " + e.getMessage());
            }
        }
        writes.forEach(ValuesWrite::apply);
        boolean withValues = request.has("includeValuesInResponse")
                && request.get("includeValuesInResponse").getAsBoolean();
        String renderOption = request.has("responseValueRenderOption")
                ? request.get("responseValueRenderOption").getAsString()
                : "FORMATTED_VALUE";
        JsonArray responses = new JsonArray();
        int rows = 0;
        int columns = 0;
        int cells = 0;
        Set<Sheet> sheets = new HashSet<>();
        for (ValuesWrite write : writes) {
            JsonObject response = updateResponse(spreadsheet, write);
            if (withValues) {
                response.add("updatedData", updatedData(spreadsheet, write, renderOption));
            }
            responses.add(response);
            ValuesWrite.Updated updated = write.updated();
            rows += updated.rows();
            // Google reports the widest response here, not a sum.
            columns = Math.max(columns, updated.columns());
            cells += updated.cells();
            if (updated.cells() > 0) {
                sheets.add(write.sheet());
            }
        }
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        addIfPositive(json, "totalUpdatedRows", rows);
        addIfPositive(json, "totalUpdatedColumns", columns);
        addIfPositive(json, "totalUpdatedCells", cells);
        addIfPositive(json, "totalUpdatedSheets", sheets.size());
        if (!responses.isEmpty()) {
            json.add("responses", responses);
        }
        return json;
    }

    private JsonObject valuesAppend(Spreadsheet spreadsheet, String rangeText, QueryParams query, JsonObject body) {
        ValueInputOption option = inputOption(query.first("valueInputOption", null));
        String insert = Enums.check(
                query.first("insertDataOption", "OVERWRITE"),
                "insert_data_option",
                "InsertDataOption",
                List.of("OVERWRITE", "INSERT_ROWS"));
        ValuesAppend append =
                ValuesAppend.plan(spreadsheet, rangeText, matrix(body), option, insert.equals("INSERT_ROWS"));
        append.apply();
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (append.table() != null) {
            json.addProperty("tableRange", append.table().a1());
        }
        JsonObject updates = updateResponse(spreadsheet, append.write());
        if (query.flag("includeValuesInResponse")) {
            updates.add(
                    "updatedData",
                    updatedData(
                            spreadsheet, append.write(), query.first("responseValueRenderOption", "FORMATTED_VALUE")));
        }
        json.add("updates", updates);
        return json;
    }

    private JsonObject valuesClear(Spreadsheet spreadsheet, String rangeText) {
        ValuesClear clear = ValuesClear.plan(spreadsheet, rangeText);
        clear.apply();
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        json.addProperty("clearedRange", clear.cleared().a1());
        return json;
    }

    /** All ranges are checked before any is cleared, so a refused batch clears nothing. */
    private JsonObject valuesBatchClear(Spreadsheet spreadsheet, JsonObject body) {
        JsonArray ranges = body != null && body.has("ranges") ? body.getAsJsonArray("ranges") : new JsonArray();
        List<ValuesClear> clears = new ArrayList<>();
        for (JsonElement range : ranges) {
            clears.add(ValuesClear.plan(spreadsheet, range.getAsString()));
        }
        JsonArray cleared = new JsonArray();
        for (ValuesClear clear : clears) {
            clear.apply();
            cleared.add(clear.cleared().a1());
        }
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (!cleared.isEmpty()) {
            json.add("clearedRanges", cleared);
        }
        return json;
    }

    private JsonObject batchUpdate(Spreadsheet spreadsheet, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        JsonArray requests = request.has("requests") ? request.getAsJsonArray("requests") : new JsonArray();
        JsonArray replies = BatchUpdates.apply(spreadsheet, requests);
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (!replies.isEmpty()) {
            json.add("replies", replies);
        }
        if (request.has("includeSpreadsheetInResponse")
                && request.get("includeSpreadsheetInResponse").getAsBoolean()) {
            boolean withData = request.has("responseIncludeGridData")
                    && request.get("responseIncludeGridData").getAsBoolean();
            List<String> ranges = new ArrayList<>();
            if (request.has("responseRanges")) {
                request.getAsJsonArray("responseRanges").forEach(r -> ranges.add(r.getAsString()));
            }
            json.add("updatedSpreadsheet", SpreadsheetJson.render(spreadsheet, ranges, withData));
        }
        return json;
    }

    private static JsonObject updateResponse(Spreadsheet spreadsheet, ValuesWrite write) {
        ValuesWrite.Updated updated = write.updated();
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        json.addProperty(
                "updatedRange",
                updated.range() != null
                        ? updated.range()
                        : new GridRect(
                                        write.sheet().title(),
                                        write.area().startRow(),
                                        write.area().startColumn(),
                                        write.area().startRow() + 1,
                                        write.area().startColumn() + 1)
                                .a1());
        addIfPositive(json, "updatedRows", updated.rows());
        addIfPositive(json, "updatedColumns", updated.columns());
        addIfPositive(json, "updatedCells", updated.cells());
        return json;
    }

    private static JsonObject updatedData(Spreadsheet spreadsheet, ValuesWrite write, String renderOption) {
        Enums.check(
                renderOption,
                "response_value_render_option",
                "ValueRenderOption",
                List.of("FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"));
        ValuesJson.Render render = new ValuesJson.Render(renderOption, false, false);
        if (write.area().isEmpty()) {
            JsonObject json = new JsonObject();
            json.addProperty("range", write.area().sheetTitle());
            return json;
        }
        return ValuesJson.valueRange(new Evaluation(spreadsheet), write.sheet(), write.area(), render);
    }

    /** Proto3 JSON leaves out zero counts, and so does the API. */
    static void addIfPositive(JsonObject json, String key, int value) {
        if (value > 0) {
            json.addProperty(key, value);
        }
    }

    static ValueInputOption inputOption(String value) {
        if (value == null || value.isEmpty() || value.equals("INPUT_VALUE_OPTION_UNSPECIFIED")) {
            throw SheetsError.invalid("'valueInputOption' is required but not specified");
        }
        return ValueInputOption.valueOf(
                Enums.check(value, "value_input_option", "ValueInputOption", List.of("RAW", "USER_ENTERED")));
    }

    /** The ValueRange's values as ROWS-major Java scalars (String, Double, Boolean, null). */
    static List<List<Object>> matrix(JsonObject valueRange) {
        if (valueRange == null
                || !valueRange.has("values")
                || valueRange.get("values").isJsonNull()) {
            return List.of();
        }
        String major = Enums.majorDimension(
                valueRange.has("majorDimension")
                        ? valueRange.get("majorDimension").getAsString()
                        : "ROWS");
        List<List<Object>> lines = new ArrayList<>();
        JsonArray outer = valueRange.getAsJsonArray("values");
        for (int i = 0; i < outer.size(); i++) {
            List<Object> line = new ArrayList<>();
            JsonElement inner = outer.get(i);
            if (!inner.isJsonArray()) {
                throw SheetsError.invalid("Invalid values[" + i + "]: " + inner);
            }
            JsonArray cells = inner.getAsJsonArray();
            for (int j = 0; j < cells.size(); j++) {
                line.add(scalar(cells.get(j), i, j));
            }
            lines.add(line);
        }
        return major.equals("COLUMNS") ? transpose(lines) : lines;
    }

    private static Object scalar(JsonElement json, int i, int j) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (!json.isJsonPrimitive()) {
            throw SheetsError.invalid("Invalid values[" + i + "][" + j + "]: "
                    + (json.isJsonArray() ? "list_value" : "struct_value") + " " + json);
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.getAsString();
    }

    private static List<List<Object>> transpose(List<List<Object>> columns) {
        int height = columns.stream().mapToInt(List::size).max().orElse(0);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> column : columns) {
                row.add(r < column.size() ? column.get(r) : null);
            }
            while (!row.isEmpty() && row.get(row.size() - 1) == null) {
                row.remove(row.size() - 1);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String string(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }
}
