package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sheetsemulator.model.BatchReply;
import io.sheetsemulator.model.BatchUpdate;
import io.sheetsemulator.model.DeveloperMetadata;
import io.sheetsemulator.model.SheetRequest;
import io.sheetsemulator.model.Spreadsheet;
import java.util.ArrayList;
import java.util.List;

/**
 * A spreadsheets.batchUpdate's {@code requests} applied to a spreadsheet, with the replies in JSON; shared
 * by the API and by a person's edits ({@code SheetsEmulator.edit}), so both behave exactly alike.
 */
public final class BatchUpdates {

    private BatchUpdates() {}

    /**
     * Applies {@code requests} atomically; call with the spreadsheet's lock held. Throws
     * {@link io.sheetsemulator.model.SheetsError} (changing nothing) if one is invalid.
     */
    public static JsonArray apply(Spreadsheet spreadsheet, JsonArray requests) {
        List<SheetRequest> parsed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            parsed.add(SheetRequests.parse(i, requests.get(i).getAsJsonObject()));
        }
        JsonArray replies = new JsonArray();
        for (BatchReply reply : BatchUpdate.apply(spreadsheet, parsed)) {
            replies.add(json(spreadsheet, reply));
        }
        return replies;
    }

    /** One Response of a BatchUpdateSpreadsheetResponse. */
    private static JsonObject json(Spreadsheet spreadsheet, BatchReply reply) {
        JsonObject json = new JsonObject();
        JsonObject body = new JsonObject();
        if (reply instanceof BatchReply.AddSheet r) {
            body.add("properties", SpreadsheetJson.sheetProperties(r.sheet(), spreadsheet.indexOf(r.sheet())));
            json.add("addSheet", body);
        } else if (reply instanceof BatchReply.CreateDeveloperMetadata r) {
            body.add("developerMetadata", MetadataJson.json(r.metadata()));
            json.add("createDeveloperMetadata", body);
        } else if (reply instanceof BatchReply.UpdateDeveloperMetadata r) {
            addList(body, "developerMetadata", r.metadata());
            json.add("updateDeveloperMetadata", body);
        } else if (reply instanceof BatchReply.DeleteDeveloperMetadata r) {
            addList(body, "deletedDeveloperMetadata", r.deleted());
            json.add("deleteDeveloperMetadata", body);
        }
        return json;
    }

    /** Proto3 JSON leaves out an empty list, and so does the API. */
    private static void addList(JsonObject body, String key, List<DeveloperMetadata> metadata) {
        JsonArray array = new JsonArray();
        metadata.forEach(m -> array.add(MetadataJson.json(m)));
        if (!array.isEmpty()) {
            body.add(key, array);
        }
    }
}
