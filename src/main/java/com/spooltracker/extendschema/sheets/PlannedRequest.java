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
        List<PlannedRequest> planned = new ArrayList<>();
        WriteRequests.gridAndFormats(plan).ifPresent(request -> planned.add(structural(plan, request)));
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

    private static PlannedRequest structural(Plan plan, BatchUpdateSpreadsheetRequest request) {
        List<String> changes = new ArrayList<>();
        long cells = 0;
        for (Request one : request.getRequests()) {
            if (one.getUpdateSheetProperties() != null) {
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
