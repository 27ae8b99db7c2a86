package com.spooltracker.extendschema.emulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.emulator.model.BatchUpdate;
import com.spooltracker.extendschema.emulator.model.Sheet;
import com.spooltracker.extendschema.emulator.model.SheetRequest;
import com.spooltracker.extendschema.emulator.model.Spreadsheet;
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
     * {@link com.spooltracker.extendschema.emulator.model.SheetsError} (changing nothing) if one is invalid.
     */
    public static JsonArray apply(Spreadsheet spreadsheet, JsonArray requests) {
        List<SheetRequest> parsed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            parsed.add(SheetRequests.parse(i, requests.get(i).getAsJsonObject()));
        }
        List<Sheet> added = BatchUpdate.apply(spreadsheet, parsed);
        JsonArray replies = new JsonArray();
        for (Sheet sheet : added) {
            JsonObject reply = new JsonObject();
            if (sheet != null) {
                JsonObject addSheet = new JsonObject();
                addSheet.add("properties", SpreadsheetJson.sheetProperties(sheet, spreadsheet.indexOf(sheet)));
                reply.add("addSheet", addSheet);
            }
            replies.add(reply);
        }
        return replies;
    }
}
