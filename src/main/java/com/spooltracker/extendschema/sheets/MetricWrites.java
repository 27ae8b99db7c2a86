package com.spooltracker.extendschema.sheets;

import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.metrics.DriftReport.CellChange;
import com.spooltracker.extendschema.metrics.SheetNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code values.batchUpdate} that writes the metric cells a refresh changes, and only those:
 * neighbouring changed cells of a row form one range, and consecutive rows changing the same columns
 * one rectangle, so a fresh sheet (every cell changes) is a few ranges and a 1 % drift a few hundred.
 * Values are RAW numbers: absolute, so a request sent twice leaves the sheet as sending it once.
 * Bodies stay within {@link WriteRequests#MAX_BODY_BYTES}.
 */
public final class MetricWrites {
    private static final int ENVELOPE_BYTES = 64;

    private MetricWrites() {}

    public static List<BatchUpdateValuesRequest> of(String sheet, List<CellChange> changes, int maxBodyBytes) {
        List<ValueRange> ranges = new ArrayList<>();
        for (Rectangle rectangle : rectangles(changes, maxBodyBytes)) {
            ranges.add(rectangle.range(sheet));
        }
        List<BatchUpdateValuesRequest> requests = new ArrayList<>();
        List<ValueRange> current = new ArrayList<>();
        long currentBytes = ENVELOPE_BYTES;
        for (ValueRange range : ranges) {
            int bytes = WriteRequests.bodyBytes(range) + 1;
            if (!current.isEmpty() && currentBytes + bytes > maxBodyBytes) {
                requests.add(request(current));
                current = new ArrayList<>();
                currentBytes = ENVELOPE_BYTES;
            }
            current.add(range);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            requests.add(request(current));
        }
        return requests;
    }

    private static BatchUpdateValuesRequest request(List<ValueRange> data) {
        return new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(data);
    }

    /** Cells of rows {@code firstRow}.. and columns {@code firstColumn}..{@code firstColumn + width - 1}. */
    private record Rectangle(int firstRow, int firstColumn, int width, List<List<Object>> values) {
        ValueRange range(String sheet) {
            return new ValueRange()
                    .setRange(A1.cells(
                            sheet, firstColumn, firstRow, firstColumn + width - 1, firstRow + values.size() - 1))
                    .setValues(values);
        }
    }

    private static List<Rectangle> rectangles(List<CellChange> changes, int maxBodyBytes) {
        List<CellChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(CellChange::row).thenComparingInt(CellChange::column));
        List<Rectangle> rectangles = new ArrayList<>();
        Rectangle open = null;
        for (int i = 0; i < sorted.size(); ) {
            // One run: neighbouring changed columns of one row.
            CellChange first = sorted.get(i);
            List<Object> run = new ArrayList<>();
            int j = i;
            while (j < sorted.size()
                    && sorted.get(j).row() == first.row()
                    && sorted.get(j).column() == first.column() + (j - i)) {
                run.add(number(sorted.get(j).value()));
                j++;
            }
            // Rows of about 16 bytes per cell: keep one rectangle well inside a body.
            int rowsPerRectangle = Math.max(1, (maxBodyBytes - 4 * 1024) / (16 * run.size() + 4));
            if (open != null
                    && open.firstColumn() == first.column()
                    && open.width() == run.size()
                    && open.firstRow() + open.values().size() == first.row()
                    && open.values().size() < rowsPerRectangle) {
                open.values().add(run);
            } else {
                open = new Rectangle(first.row(), first.column(), run.size(), new ArrayList<>(List.of(run)));
                rectangles.add(open);
            }
            i = j;
        }
        return rectangles;
    }

    /** As {@link SheetNumber#wire}: integral values as longs, others as the double the sheet stores. */
    static Object number(BigDecimal value) {
        return SheetNumber.wire(value);
    }
}
