package com.spooltracker.extendschema.sheets;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.DataFilterValueRange;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Sheets request an apply of a plan would send, as a dry run shows it: the method, what it
 * changes (in A1 ranges), how many cells it writes, its size, and its exact JSON body as the client
 * serializes it. The summary is small whatever the sheet's size; the body is megabytes at 138,000 rows.
 *
 * @param changes one line per change, e.g. {@code "'Operaciones'!BP2:BT301 ← 1,500 values"}
 * @param cells the cells the request writes values or formats into
 */
public record PlannedRequest(String method, List<String> changes, long cells, int bytes, String body) {

    /** The requests of {@code plan}, in the order an apply sends them. */
    public static List<PlannedRequest> of(Plan plan) {
        return of(plan, List.of(), List.of());
    }

    /**
     * The requests of a migration, in the order an apply sends them: one structural update (the migrated
     * sheet's grid and formats, {@code others}' changes, the history entries {@code notes}), then the
     * values.
     */
    public static List<PlannedRequest> of(Plan plan, List<Plan> others, List<SpreadsheetNote> notes) {
        List<PlannedRequest> planned = new ArrayList<>();
        List<Plan> sheets = new ArrayList<>(List.of(plan));
        sheets.addAll(others);
        WriteRequests.structural(plan, others, notes).ifPresent(request -> planned.add(structural(sheets, request)));
        for (Plan other : others) {
            for (BatchUpdateValuesRequest values :
                    WriteRequests.values(WriteRequests.defaultsOnly(other), WriteRequests.MAX_BODY_BYTES)) {
                planned.add(values(values));
            }
        }
        for (BatchUpdateValuesRequest values : WriteRequests.values(plan, WriteRequests.MAX_BODY_BYTES)) {
            planned.add(values(values));
        }
        return planned;
    }

    /**
     * The metric writes through column marks ({@code values.batchUpdateByDataFilter}), split into bodies
     * as {@link SheetsGateway#writeThroughMarks} splits them.
     *
     * @param columnOf each mark's column letter, for the summary
     */
    public static List<PlannedRequest> throughMarks(
            String sheet, Map<Integer, String> columnOf, List<ColumnMarks.MarkedCells> columns) {
        List<PlannedRequest> planned = new ArrayList<>();
        for (BatchUpdateValuesByDataFilterRequest request : ColumnMarks.writes(columns, WriteRequests.MAX_BODY_BYTES)) {
            List<String> changes = new ArrayList<>();
            long cells = 0;
            for (DataFilterValueRange range : request.getData()) {
                int id = range.getDataFilter().getDeveloperMetadataLookup().getMetadataId();
                ColumnMarks.MarkedCells column = columns.stream()
                        .filter(c -> c.metadataId() == id)
                        .findFirst()
                        .orElseThrow();
                int count = column.numbers().size() + column.clears().size();
                cells += count;
                changes.add("'" + sheet + "'!" + columnOf.getOrDefault(id, "?") + " (column mark " + id + ") ← "
                        + String.format("%,d", count) + " value" + (count == 1 ? "" : "s"));
            }
            String body = json(request);
            planned.add(new PlannedRequest("values.batchUpdateByDataFilter", changes, cells, utf8Bytes(body), body));
        }
        return planned;
    }

    private static PlannedRequest structural(List<Plan> sheets, BatchUpdateSpreadsheetRequest request) {
        List<String> changes = new ArrayList<>();
        long cells = 0;
        for (Request one : request.getRequests()) {
            Plan plan = sheetOf(sheets, sheetIdOf(one));
            if (one.getCreateDeveloperMetadata() != null) {
                String value =
                        one.getCreateDeveloperMetadata().getDeveloperMetadata().getMetadataValue();
                changes.add("schema history ← " + historySummary(value));
            } else if (one.getUpdateCells() != null) {
                var start = one.getUpdateCells().getStart();
                String text = one.getUpdateCells()
                        .getRows()
                        .get(0)
                        .getValues()
                        .get(0)
                        .getUserEnteredValue()
                        .getStringValue();
                cells++;
                changes.add(A1.cells(
                                plan.sheet(),
                                start.getColumnIndex(),
                                start.getRowIndex(),
                                start.getColumnIndex(),
                                start.getRowIndex())
                        + " ← " + text);
            } else if (one.getUpdateSheetProperties() != null) {
                changes.add("grid of '" + plan.sheet() + "': " + plan.gridColumnsBefore() + " → "
                        + one.getUpdateSheetProperties()
                                .getProperties()
                                .getGridProperties()
                                .getColumnCount() + " columns");
            } else if (one.getRepeatCell() != null) {
                GridRange range = one.getRepeatCell().getRange();
                int rows = plan.rowCount() - range.getStartRowIndex();
                int columns = range.getEndColumnIndex() - range.getStartColumnIndex();
                cells += (long) rows * columns;
                changes.add(A1.cells(
                                plan.sheet(),
                                range.getStartColumnIndex(),
                                range.getStartRowIndex(),
                                range.getEndColumnIndex() - 1,
                                plan.rowCount() - 1)
                        + " number format "
                        + one.getRepeatCell()
                                .getCell()
                                .getUserEnteredFormat()
                                .getNumberFormat()
                                .getPattern());
            }
        }
        String body = json(request);
        return new PlannedRequest("spreadsheets.batchUpdate", changes, cells, utf8Bytes(body), body);
    }

    /** "4.0.1 APPLIED" for a history entry's value; the value itself if it is not one. */
    private static String historySummary(String value) {
        try {
            com.google.gson.JsonObject entry =
                    com.google.gson.JsonParser.parseString(value).getAsJsonObject();
            return entry.get("version").getAsString() + " "
                    + entry.get("outcome").getAsString();
        } catch (RuntimeException notAnEntry) {
            return value;
        }
    }

    /** The sheet a request of the structural update changes; -1 for the spreadsheet's own metadata. */
    private static int sheetIdOf(Request one) {
        if (one.getUpdateSheetProperties() != null) {
            return one.getUpdateSheetProperties().getProperties().getSheetId();
        }
        if (one.getRepeatCell() != null) {
            return one.getRepeatCell().getRange().getSheetId();
        }
        if (one.getUpdateCells() != null) {
            return one.getUpdateCells().getStart().getSheetId();
        }
        return -1;
    }

    private static Plan sheetOf(List<Plan> sheets, int sheetId) {
        return sheets.stream().filter(p -> p.sheetId() == sheetId).findFirst().orElse(sheets.get(0));
    }

    private static PlannedRequest values(BatchUpdateValuesRequest request) {
        List<String> changes = new ArrayList<>();
        long cells = 0;
        for (ValueRange range : request.getData()) {
            long count = range.getValues().stream().mapToLong(List::size).sum();
            cells += count;
            changes.add(range.getRange() + " ← " + String.format("%,d", count) + " value" + (count == 1 ? "" : "s"));
        }
        String body = json(request);
        return new PlannedRequest("values.batchUpdate", changes, cells, utf8Bytes(body), body);
    }

    private static String json(Object request) {
        try {
            return GsonFactory.getDefaultInstance().toString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
