package io.sheetsemulator.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.DataFilter;
import io.sheetsemulator.model.DeveloperMetadata;
import io.sheetsemulator.model.MetadataLookup;
import io.sheetsemulator.model.SheetRequest;
import io.sheetsemulator.model.SheetsError;
import java.util.List;

/** DeveloperMetadata, its locations and DataFilters, to and from JSON. */
final class MetadataJson {

    private MetadataJson() {}

    /** A DeveloperMetadata resource, as Google returns it: the location carries its locationType. */
    static JsonObject json(DeveloperMetadata m) {
        JsonObject json = new JsonObject();
        json.addProperty("metadataId", m.metadataId());
        json.addProperty("metadataKey", m.key());
        if (m.value() != null) {
            json.addProperty("metadataValue", m.value());
        }
        JsonObject location = new JsonObject();
        location.addProperty("locationType", m.location().type());
        if (m.location() instanceof DeveloperMetadata.OnSheet s) {
            location.addProperty("sheetId", s.sheetId());
        } else if (m.location() instanceof DeveloperMetadata.OnDimension d) {
            // Every field written, sheetId and startIndex 0 included, so a client reads no nulls.
            JsonObject range = new JsonObject();
            range.addProperty("sheetId", d.sheetId());
            range.addProperty("dimension", d.rows() ? "ROWS" : "COLUMNS");
            range.addProperty("startIndex", d.index());
            range.addProperty("endIndex", d.index() + 1);
            location.add("dimensionRange", range);
        } else {
            location.addProperty("spreadsheet", true);
        }
        json.add("location", location);
        json.addProperty("visibility", m.visibility());
        return json;
    }

    static SheetRequest.MetadataSpec spec(JsonObject json) {
        String visibility = text(json, "visibility");
        if (visibility != null) {
            Enums.check(
                    visibility,
                    "visibility",
                    "DeveloperMetadata.DeveloperMetadataVisibility",
                    List.of("DOCUMENT", "PROJECT"));
        }
        return new SheetRequest.MetadataSpec(
                integer(json, "metadataId"),
                text(json, "metadataKey"),
                text(json, "metadataValue"),
                json.has("location") && json.get("location").isJsonObject()
                        ? location(json.getAsJsonObject("location"))
                        : null,
                visibility);
    }

    static SheetRequest.LocationSpec location(JsonObject json) {
        boolean spreadsheet = json.has("spreadsheet")
                && !json.get("spreadsheet").isJsonNull()
                && json.get("spreadsheet").getAsBoolean();
        Integer sheetId = integer(json, "sheetId");
        SheetRequest.DimensionRange range =
                json.has("dimensionRange") && json.get("dimensionRange").isJsonObject()
                        ? SheetRequests.dimensionRange(json.getAsJsonObject("dimensionRange"))
                        : null;
        int count = (spreadsheet ? 1 : 0) + (sheetId != null ? 1 : 0) + (range != null ? 1 : 0);
        return new SheetRequest.LocationSpec(spreadsheet, sheetId, range, count);
    }

    /** A DataFilter: exactly one of developerMetadataLookup, a1Range and gridRange. */
    static DataFilter filter(JsonElement element) {
        JsonObject json = element != null && element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        int set = (json.has("developerMetadataLookup") ? 1 : 0)
                + (json.has("a1Range") ? 1 : 0)
                + (json.has("gridRange") ? 1 : 0);
        if (set != 1) {
            throw SheetsError.invalid(
                    "A data filter must set exactly one of developerMetadataLookup, a1Range and" + " gridRange.");
        }
        if (json.has("a1Range")) {
            return new DataFilter.A1(json.get("a1Range").getAsString());
        }
        if (json.has("gridRange")) {
            return new DataFilter.Grid(SheetRequests.gridRange(json.getAsJsonObject("gridRange")));
        }
        return new DataFilter.Lookup(lookup(json.getAsJsonObject("developerMetadataLookup")));
    }

    /**
     * A DeveloperMetadataLookup. "If this field [locationMatchingStrategy] is specified, a metadataLocation
     * must also be specified"; it defaults to INTERSECTING_LOCATION. A lookup location is one row or column,
     * a sheet or the spreadsheet, as metadata locations are.
     */
    private static MetadataLookup lookup(JsonObject json) {
        String strategy = text(json, "locationMatchingStrategy");
        if (strategy != null) {
            Enums.check(
                    strategy,
                    "location_matching_strategy",
                    "DeveloperMetadataLookup.DeveloperMetadataLocationMatchingStrategy",
                    List.of("EXACT_LOCATION", "INTERSECTING_LOCATION"));
        }
        DeveloperMetadata.Location location = null;
        if (json.has("metadataLocation") && json.get("metadataLocation").isJsonObject()) {
            location = lookupLocation(location(json.getAsJsonObject("metadataLocation")));
        } else if (strategy != null) {
            throw SheetsError.invalid("locationMatchingStrategy needs a metadataLocation.");
        }
        String locationType = text(json, "locationType");
        if (locationType != null) {
            Enums.check(
                    locationType,
                    "location_type",
                    "DeveloperMetadata.DeveloperMetadataLocationType",
                    List.of("ROW", "COLUMN", "SHEET", "SPREADSHEET"));
        }
        String visibility = text(json, "visibility");
        return new MetadataLookup(
                integer(json, "metadataId"),
                text(json, "metadataKey"),
                text(json, "metadataValue"),
                locationType,
                visibility,
                location,
                "EXACT_LOCATION".equals(strategy));
    }

    private static DeveloperMetadata.Location lookupLocation(SheetRequest.LocationSpec spec) {
        if (spec.count() != 1) {
            throw SheetsError.invalid(
                    "metadataLocation must set exactly one of spreadsheet, sheetId and" + " dimensionRange.");
        }
        if (spec.spreadsheet()) {
            return new DeveloperMetadata.OnSpreadsheet();
        }
        if (spec.sheetId() != null) {
            return new DeveloperMetadata.OnSheet(spec.sheetId());
        }
        SheetRequest.DimensionRange range = spec.dimensionRange();
        if (range.startIndex() == null
                || range.endIndex() == null
                || range.endIndex() - range.startIndex() != 1
                || !("ROWS".equals(range.dimension()) || "COLUMNS".equals(range.dimension()))) {
            throw SheetsError.invalid("A metadataLocation dimensionRange other than one row or column is not"
                    + " supported by the Sheets emulator.");
        }
        return new DeveloperMetadata.OnDimension(
                range.sheetId(), range.dimension().equals("ROWS"), range.startIndex());
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }

    private static Integer integer(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsInt() : null;
    }
}
