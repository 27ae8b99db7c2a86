package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.DataFilter;
import io.sheetsemulator.model.DeveloperMetadata;
import io.sheetsemulator.model.Evaluation;
import io.sheetsemulator.model.Sheet;
import io.sheetsemulator.model.SheetsError;
import io.sheetsemulator.model.Spreadsheet;
import io.sheetsemulator.model.ValueInputOption;
import io.sheetsemulator.model.ValuesClear;
import io.sheetsemulator.model.ValuesWrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods that select by DataFilter: values.batchGetByDataFilter, values.batchUpdateByDataFilter,
 * values.batchClearByDataFilter, spreadsheets.getByDataFilter, developerMetadata.get and
 * developerMetadata.search
 * (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values and
 * .../spreadsheets.developerMetadata). Called with the spreadsheet's lock held.
 */
final class ByDataFilter {

    private ByDataFilter() {}

    /** A filter as parsed, with its JSON as sent, which answers echo. */
    private record Sent(DataFilter filter, JsonObject json) {}

    private static List<Sent> filters(JsonObject body, String key) {
        List<Sent> out = new ArrayList<>();
        if (body != null && body.has(key) && body.get(key).isJsonArray()) {
            JsonArray array = body.getAsJsonArray(key);
            for (int i = 0; i < array.size(); i++) {
                JsonElement element = array.get(i);
                try {
                    out.add(new Sent(
                            MetadataJson.filter(element),
                            element.isJsonObject() ? element.getAsJsonObject() : new JsonObject()));
                } catch (SheetsError.InvalidArgument e) {
                    throw SheetsError.invalid("Invalid " + key + "[" + i + "]: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /**
     * values.batchGetByDataFilter: "Ranges that match any of the data filters in the request will be
     * returned", each once as a MatchedValueRange with the filters that matched it; a filter matching
     * nothing adds nothing.
     */
    static JsonObject get(Spreadsheet spreadsheet, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        ValuesJson.Render render = ValuesJson.Render.of(
                string(request, "valueRenderOption", "FORMATTED_VALUE"),
                string(request, "dateTimeRenderOption", "SERIAL_NUMBER"),
                string(request, "majorDimension", "ROWS"));
        Map<DataFilter.Match, JsonArray> matched = new LinkedHashMap<>();
        for (Sent sent : filters(request, "dataFilters")) {
            for (DataFilter.Match match : sent.filter().ranges(spreadsheet.sheets(), spreadsheet.developerMetadata())) {
                matched.computeIfAbsent(match, m -> new JsonArray()).add(sent.json());
            }
        }
        Evaluation evaluation = new Evaluation(spreadsheet);
        JsonArray valueRanges = new JsonArray();
        matched.forEach((match, filters) -> {
            JsonObject entry = new JsonObject();
            entry.add("valueRange", ValuesJson.valueRange(evaluation, match.sheet(), match.rect(), render));
            entry.add("dataFilters", filters);
            valueRanges.add(entry);
        });
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (!valueRanges.isEmpty()) {
            json.add("valueRanges", valueRanges);
        }
        return json;
    }

    /**
     * spreadsheets.getByDataFilter: the spreadsheet with only the sheets the filters' ranges touch, and with
     * grid data (one block per matched range) when {@code includeGridData} is set or the {@code fields} mask
     * selects it ("If a field mask is set, the includeGridData parameter is ignored", as for
     * spreadsheets.get).
     */
    static byte[] spreadsheet(Spreadsheet spreadsheet, QueryParams query, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        String fields = query.first("fields", null);
        FieldMask mask = fields == null ? FieldMask.ALL : FieldMask.parse(fields);
        boolean withData = fields != null
                ? mask.selects("sheets", "data")
                : request.has("includeGridData")
                        && !request.get("includeGridData").isJsonNull()
                        && request.get("includeGridData").getAsBoolean();
        List<DataFilter.Match> matches = new ArrayList<>();
        for (Sent sent : filters(request, "dataFilters")) {
            for (DataFilter.Match match : sent.filter().ranges(spreadsheet.sheets(), spreadsheet.developerMetadata())) {
                if (!matches.contains(match)) {
                    matches.add(match);
                }
            }
        }
        return SpreadsheetJson.jsonOfMatches(spreadsheet, matches, withData, mask);
    }

    /**
     * values.batchClearByDataFilter: clears the entered values of every range the filters match (formats
     * stay, as values.clear), answering the cleared ranges; all filters are resolved before anything is
     * cleared.
     */
    static JsonObject clear(Spreadsheet spreadsheet, JsonObject body) {
        List<DataFilter.Match> matches = new ArrayList<>();
        for (Sent sent : filters(body, "dataFilters")) {
            for (DataFilter.Match match : sent.filter().ranges(spreadsheet.sheets(), spreadsheet.developerMetadata())) {
                if (!matches.contains(match)) {
                    matches.add(match);
                }
            }
        }
        JsonArray cleared = new JsonArray();
        for (DataFilter.Match match : matches) {
            new ValuesClear(match.sheet(), match.rect()).apply();
            cleared.add(match.rect().a1());
        }
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        if (!cleared.isEmpty()) {
            json.add("clearedRanges", cleared);
        }
        return json;
    }

    /** One planned write: the filter's range, the write into it, the filter as sent. */
    private record Planned(DataFilter.Match match, ValuesWrite write, JsonObject filter) {}

    /**
     * values.batchUpdateByDataFilter. Documented: "If more than one range is matched by the specified
     * DataFilter the specified values are applied to all of those ranges"; values exceeding a matched range
     * fail the request, fewer values write only what is given; null elements are skipped, "" empties a cell
     * (ValueRange.values). A filter that matches no range is applied to none: it writes nothing and adds no
     * response, and the call succeeds — what "applied to all of those ranges" says of zero ranges; callers
     * learn of it from the missing response and the totals. Every write is planned before any is applied.
     */
    static JsonObject update(Spreadsheet spreadsheet, JsonObject body) {
        JsonObject request = body == null ? new JsonObject() : body;
        ValueInputOption option = SheetsApi.inputOption(string(request, "valueInputOption", null));
        JsonArray data = request.has("data") && request.get("data").isJsonArray()
                ? request.getAsJsonArray("data")
                : new JsonArray();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonObject valueRange = data.get(i).isJsonObject() ? data.get(i).getAsJsonObject() : new JsonObject();
            try {
                if (!valueRange.has("dataFilter")) {
                    throw SheetsError.invalid("dataFilter is required");
                }
                DataFilter filter = MetadataJson.filter(valueRange.get("dataFilter"));
                List<List<Object>> values = SheetsApi.matrix(valueRange);
                for (DataFilter.Match match : filter.ranges(spreadsheet.sheets(), spreadsheet.developerMetadata())) {
                    planned.add(new Planned(
                            match,
                            ValuesWrite.planInto(match.sheet(), match.rect(), values, option),
                            valueRange.getAsJsonObject("dataFilter")));
                }
            } catch (SheetsError.InvalidArgument e) {
                throw SheetsError.invalid("Invalid data[" + i + "]: " + e.getMessage());
            }
        }
        planned.forEach(p -> p.write().apply());

        boolean withValues = request.has("includeValuesInResponse")
                && !request.get("includeValuesInResponse").isJsonNull()
                && request.get("includeValuesInResponse").getAsBoolean();
        ValuesJson.Render render = withValues
                ? ValuesJson.Render.of(
                        string(request, "responseValueRenderOption", "FORMATTED_VALUE"),
                        string(request, "responseDateTimeRenderOption", "SERIAL_NUMBER"),
                        "ROWS")
                : null;
        Evaluation evaluation = new Evaluation(spreadsheet);
        JsonArray responses = new JsonArray();
        int rows = 0;
        int columns = 0;
        int cells = 0;
        Set<Sheet> sheets = new HashSet<>();
        for (Planned p : planned) {
            ValuesWrite.Updated updated = p.write().updated();
            JsonObject response = new JsonObject();
            response.addProperty(
                    "updatedRange",
                    updated.range() != null ? updated.range() : p.match().rect().a1());
            SheetsApi.addIfPositive(response, "updatedRows", updated.rows());
            SheetsApi.addIfPositive(response, "updatedColumns", updated.columns());
            SheetsApi.addIfPositive(response, "updatedCells", updated.cells());
            response.add("dataFilter", p.filter());
            if (withValues) {
                // "The values of the cells in the range matched by the dataFilter after all updates were applied."
                response.add(
                        "updatedData",
                        ValuesJson.valueRange(
                                evaluation, p.match().sheet(), p.match().rect(), render));
            }
            responses.add(response);
            rows += updated.rows();
            columns = Math.max(columns, updated.columns());
            cells += updated.cells();
            if (updated.cells() > 0) {
                sheets.add(p.write().sheet());
            }
        }
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
        SheetsApi.addIfPositive(json, "totalUpdatedRows", rows);
        SheetsApi.addIfPositive(json, "totalUpdatedColumns", columns);
        SheetsApi.addIfPositive(json, "totalUpdatedCells", cells);
        SheetsApi.addIfPositive(json, "totalUpdatedSheets", sheets.size());
        if (!responses.isEmpty()) {
            json.add("responses", responses);
        }
        return json;
    }

    /** developerMetadata.get: the metadata with that id, or 404 as for any missing entity. */
    static JsonObject metadata(Spreadsheet spreadsheet, String idText) {
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            throw SheetsError.invalid("Invalid value at 'metadata_id' (TYPE_INT32), \"" + idText + "\"");
        }
        return MetadataJson.json(spreadsheet.metadataById(id).orElseThrow(SheetsError.NotFound::new));
    }

    /**
     * developerMetadata.search: "If the provided DataFilter represents a DeveloperMetadataLookup object,
     * this will return all DeveloperMetadata entries selected by it. If the DataFilter represents a location
     * in a spreadsheet, this will return all developer metadata associated with locations intersecting that
     * region." Each metadata once, with every filter that matched it.
     */
    static JsonObject search(Spreadsheet spreadsheet, JsonObject body) {
        Map<DeveloperMetadata, JsonArray> matched = new LinkedHashMap<>();
        for (Sent sent : filters(body, "dataFilters")) {
            for (DeveloperMetadata m : sent.filter().metadata(spreadsheet.sheets(), spreadsheet.developerMetadata())) {
                matched.computeIfAbsent(m, k -> new JsonArray()).add(sent.json());
            }
        }
        JsonArray out = new JsonArray();
        matched.forEach((m, filters) -> {
            JsonObject entry = new JsonObject();
            entry.add("developerMetadata", MetadataJson.json(m));
            entry.add("dataFilters", filters);
            out.add(entry);
        });
        JsonObject json = new JsonObject();
        if (!out.isEmpty()) {
            json.add("matchedDeveloperMetadata", out);
        }
        return json;
    }

    private static String string(JsonObject json, String key, String fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : fallback;
    }
}
