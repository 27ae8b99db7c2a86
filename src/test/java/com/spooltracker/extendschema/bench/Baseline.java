package com.spooltracker.extendschema.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.schema.ColumnLetters;
import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.SchemaV4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The straightforward migration the benchmark compares against, not used by the function: read every
 * value of the sheet, read its metadata, grow the grid, read every value again, write the metric
 * columns (headers, existing values kept, 0 in the empty cells of data rows) as one block.
 */
final class Baseline {
    private final Sheets sheets;
    private final String spreadsheetId;
    private final String sheet;
    private final String keyColumn;
    private long largestBody;

    Baseline(String emulatorHostPort, String spreadsheetId, String sheet, String keyColumn) {
        this.sheets = new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), request -> {})
                .setRootUrl("http://" + emulatorHostPort + "/")
                .setApplicationName("extendSchema-baseline")
                .build();
        this.spreadsheetId = spreadsheetId;
        this.sheet = sheet;
        this.keyColumn = keyColumn;
    }

    /** @return UP_TO_DATE, DRY_RUN or APPLIED */
    String run(boolean dryRun) throws IOException {
        largestBody = 0;
        List<List<Object>> values = readAll();
        SheetProperties properties =
                sheets.spreadsheets().get(spreadsheetId).setFields("sheets.properties").execute().getSheets().stream()
                        .filter(s -> s.getProperties().getTitle().equals(sheet))
                        .findFirst()
                        .orElseThrow()
                        .getProperties();
        List<Object> header = values.isEmpty() ? List.of() : values.get(0);
        int key = header.indexOf(keyColumn);
        if (key < 0) {
            throw new IllegalStateException("no key column " + keyColumn);
        }
        List<Integer> metricColumns = new ArrayList<>();
        int next = header.size();
        for (ColumnSpec spec : SchemaV4.METRIC_COLUMNS) {
            int at = header.indexOf(spec.header());
            metricColumns.add(at >= 0 ? at : next++);
        }
        boolean addsColumns = next > header.size();
        if (!addsColumns && emptyMetricCells(values, key, metricColumns) == 0) {
            return "UP_TO_DATE";
        }
        if (dryRun) {
            return "DRY_RUN";
        }
        int columnCount = properties.getGridProperties().getColumnCount();
        if (next > columnCount) {
            sheets.spreadsheets()
                    .batchUpdate(
                            spreadsheetId,
                            new BatchUpdateSpreadsheetRequest()
                                    .setRequests(List.of(new Request()
                                            .setAppendDimension(new AppendDimensionRequest()
                                                    .setSheetId(properties.getSheetId())
                                                    .setDimension("COLUMNS")
                                                    .setLength(next - columnCount)))))
                    .execute();
            values = readAll();
        }
        write(values, key, metricColumns);
        return "APPLIED";
    }

    /** The largest request body of the last run, as JSON bytes before compression. */
    long largestBody() {
        return largestBody;
    }

    private List<List<Object>> readAll() throws IOException {
        List<List<Object>> values = sheets.spreadsheets()
                .values()
                .get(spreadsheetId, "'" + sheet + "'")
                .execute()
                .getValues();
        return values == null ? List.of() : values;
    }

    private static long emptyMetricCells(List<List<Object>> values, int key, List<Integer> metricColumns) {
        long empty = 0;
        for (int r = 1; r < values.size(); r++) {
            if (isEmpty(cell(values, r, key))) {
                continue;
            }
            for (int c : metricColumns) {
                if (isEmpty(cell(values, r, c))) {
                    empty++;
                }
            }
        }
        return empty;
    }

    private void write(List<List<Object>> values, int key, List<Integer> metricColumns) throws IOException {
        int first = metricColumns.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = metricColumns.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<List<Object>> block = new ArrayList<>(values.size());
        for (int r = 0; r < values.size(); r++) {
            List<Object> cells = new ArrayList<>(last - first + 1);
            for (int c = first; c <= last; c++) {
                Object existing = cell(values, r, c);
                int metric = metricColumns.indexOf(c);
                if (r == 0 && metric >= 0) {
                    cells.add(SchemaV4.METRIC_COLUMNS.get(metric).header());
                } else if (metric >= 0 && isEmpty(existing) && !isEmpty(cell(values, r, key))) {
                    cells.add(SchemaV4.DEFAULT_VALUE);
                } else {
                    cells.add(existing == null ? "" : existing);
                }
            }
            block.add(cells);
        }
        String range = "'" + sheet + "'!" + ColumnLetters.of(first) + "1:" + ColumnLetters.of(last) + values.size();
        BatchUpdateValuesRequest request = new BatchUpdateValuesRequest()
                .setValueInputOption("USER_ENTERED")
                .setData(List.of(new ValueRange().setRange(range).setValues(block)));
        largestBody = Math.max(largestBody, bodyBytes(request));
        sheets.spreadsheets().values().batchUpdate(spreadsheetId, request).execute();
    }

    private static Object cell(List<List<Object>> values, int row, int column) {
        List<Object> cells = values.get(row);
        return column < cells.size() ? cells.get(column) : null;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value.toString().isEmpty();
    }

    private static long bodyBytes(Object request) {
        try {
            return GsonFactory.getDefaultInstance().toByteArray(request).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
