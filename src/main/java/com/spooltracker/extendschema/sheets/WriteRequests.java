package com.spooltracker.extendschema.sheets;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.CellFormat;
import com.google.api.services.sheets.v4.model.CreateDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.DeveloperMetadata;
import com.google.api.services.sheets.v4.model.DeveloperMetadataLocation;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.GridCoordinate;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.NumberFormat;
import com.google.api.services.sheets.v4.model.RepeatCellRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.schema.ColumnFill;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The Sheets requests that apply a {@link Plan}, and the one that creates the audit sheet. All of them
 * are absolute: the grid's column count is set (never appended to), formats and values go to fixed
 * cells, and the audit sheet has an id fixed by its title, so a request sent twice, or by two runs at
 * once, leaves the spreadsheet as sending it once.
 */
public final class WriteRequests {
    /** Google recommends at most 2 MB per request body. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final int ENVELOPE_BYTES = 64;

    private WriteRequests() {}

    /** Step 1: grow the grid to an absolute column count and give the added columns' data cells a number format. */
    public static Optional<BatchUpdateSpreadsheetRequest> gridAndFormats(Plan plan) {
        List<Request> requests = new ArrayList<>();
        if (plan.growsGrid()) {
            requests.add(new Request()
                    .setUpdateSheetProperties(new UpdateSheetPropertiesRequest()
                            .setProperties(new SheetProperties()
                                    .setSheetId(plan.sheetId())
                                    .setGridProperties(new GridProperties().setColumnCount(plan.gridColumnsAfter())))
                            .setFields("gridProperties.columnCount")));
        }
        if (plan.rowCount() > 1) {
            for (List<Placement> group : sameTypeRuns(plan.added())) {
                Placement first = group.get(0);
                requests.add(new Request()
                        .setRepeatCell(new RepeatCellRequest()
                                .setRange(new GridRange()
                                        .setSheetId(plan.sheetId())
                                        .setStartRowIndex(1)
                                        .setStartColumnIndex(first.index())
                                        .setEndColumnIndex(first.index() + group.size()))
                                .setCell(new CellData()
                                        .setUserEnteredFormat(new CellFormat()
                                                .setNumberFormat(new NumberFormat()
                                                        .setType("NUMBER")
                                                        .setPattern(first.spec()
                                                                .type()
                                                                .numberPattern()))))
                                .setFields("userEnteredFormat.numberFormat")));
            }
        }
        return requests.isEmpty()
                ? Optional.empty()
                : Optional.of(new BatchUpdateSpreadsheetRequest().setRequests(requests));
    }

    /**
     * The one atomic structural update of a migration: the migrated sheet's grid and formats, the other
     * sheets' changes ({@link #otherSheet}) and the history entries; empty when there is none of them.
     */
    public static Optional<BatchUpdateSpreadsheetRequest> structural(
            Plan plan, List<Plan> others, List<SpreadsheetNote> notes) {
        List<Request> requests = new ArrayList<>(gridAndFormats(plan)
                .map(BatchUpdateSpreadsheetRequest::getRequests)
                .orElse(List.of()));
        for (Plan other : others) {
            requests.addAll(otherSheet(other));
        }
        for (SpreadsheetNote note : notes) {
            requests.add(spreadsheetNote(note.key(), note.value()));
        }
        return requests.isEmpty()
                ? Optional.empty()
                : Optional.of(new BatchUpdateSpreadsheetRequest().setRequests(requests));
    }

    /** An other sheet's plan with only its default cells: its headers go in the structural update. */
    public static Plan defaultsOnly(Plan other) {
        return withFills(
                other,
                other.fills().stream()
                        .filter(f -> f.defaultCells() > 0)
                        .map(f -> new ColumnFill(f.placement(), false, f.rows()))
                        .toList());
    }

    static Plan withFills(Plan plan, List<ColumnFill> fills) {
        return new Plan(
                plan.sheet(),
                plan.sheetId(),
                plan.rowCount(),
                plan.headerWidthBefore(),
                plan.gridColumnsBefore(),
                plan.gridColumnsAfter(),
                plan.added(),
                plan.present(),
                plan.dataRows(),
                fills);
    }

    /**
     * The requests that change a sheet other than the migrated one, in the same atomic batch as the
     * migrated sheet's grid and formats and the history entries: its grid and formats, and its added
     * headers as cells ({@code updateCells}), so that a version recorded as applied has its headers.
     */
    public static List<Request> otherSheet(Plan plan) {
        List<Request> requests = new ArrayList<>(gridAndFormats(plan)
                .map(BatchUpdateSpreadsheetRequest::getRequests)
                .orElse(List.of()));
        for (Placement placement : plan.added()) {
            requests.add(new Request()
                    .setUpdateCells(new UpdateCellsRequest()
                            .setStart(new GridCoordinate()
                                    .setSheetId(plan.sheetId())
                                    .setRowIndex(0)
                                    .setColumnIndex(placement.index()))
                            .setRows(List.of(new RowData()
                                    .setValues(List.of(new CellData()
                                            .setUserEnteredValue(new ExtendedValue()
                                                    .setStringValue(
                                                            placement.spec().header()))))))
                            .setFields("userEnteredValue")));
        }
        return requests;
    }

    /** A history entry on the spreadsheet itself ({@code DOCUMENT} visibility: any caller with access sees it). */
    public static Request spreadsheetNote(String key, String value) {
        return new Request()
                .setCreateDeveloperMetadata(new CreateDeveloperMetadataRequest()
                        .setDeveloperMetadata(new DeveloperMetadata()
                                .setMetadataKey(key)
                                .setMetadataValue(value)
                                .setLocation(new DeveloperMetadataLocation().setSpreadsheet(true))
                                .setVisibility("DOCUMENT")));
    }

    /**
     * Step 2: the added headers and the default value in every listed cell, as rectangles of
     * neighbouring columns that need the same rows, in as few requests as keep each body within
     * {@code maxBodyBytes}.
     */
    public static List<BatchUpdateValuesRequest> values(Plan plan, int maxBodyBytes) {
        List<ValueRange> ranges = new ArrayList<>();
        for (List<ColumnFill> group : sameRowRuns(plan.fills())) {
            BitSet rows = writtenRows(group.get(0));
            int width = group.size();
            int rowsPerRange = Math.max(1, (maxBodyBytes - 4 * 1024) / (2 * width + 2) - 1);
            for (int start = rows.nextSetBit(0); start >= 0; ) {
                int end = rows.nextClearBit(start);
                for (int from = start; from < end; from += rowsPerRange) {
                    ranges.add(range(plan.sheet(), group, from, Math.min(end, from + rowsPerRange)));
                }
                start = rows.nextSetBit(end);
            }
        }
        return chunk(ranges, maxBodyBytes);
    }

    /** The JSON body Google receives for {@code request}, as the client serializes it. */
    public static int bodyBytes(Object request) {
        try {
            return GsonFactory.getDefaultInstance().toByteArray(request).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValueRange range(String sheet, List<ColumnFill> group, int fromRow, int toRowExclusive) {
        List<List<Object>> values = new ArrayList<>(toRowExclusive - fromRow);
        for (int row = fromRow; row < toRowExclusive; row++) {
            List<Object> cells = new ArrayList<>(group.size());
            for (ColumnFill fill : group) {
                cells.add(
                        row == 0
                                ? fill.placement().spec().header()
                                : fill.placement().spec().defaultValue().orElseThrow());
            }
            values.add(cells);
        }
        int firstColumn = group.get(0).placement().index();
        return new ValueRange()
                .setRange(A1.cells(sheet, firstColumn, fromRow, firstColumn + group.size() - 1, toRowExclusive - 1))
                .setValues(values);
    }

    private static List<BatchUpdateValuesRequest> chunk(List<ValueRange> ranges, int maxBodyBytes) {
        return chunked(ranges, maxBodyBytes, WriteRequests::valuesRequest);
    }

    /**
     * The one way values are split into requests, for every values write (by range, USER_ENTERED; through
     * column marks, RAW): {@code parts} in order, as few requests as keep each body within
     * {@code maxBodyBytes} (a part larger than that goes alone).
     */
    static <T, R> List<R> chunked(List<T> parts, int maxBodyBytes, java.util.function.Function<List<T>, R> request) {
        List<R> requests = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long currentBytes = ENVELOPE_BYTES;
        for (T part : parts) {
            int bytes = bodyBytes(part) + 1;
            if (!current.isEmpty() && currentBytes + bytes > maxBodyBytes) {
                requests.add(request.apply(current));
                current = new ArrayList<>();
                currentBytes = ENVELOPE_BYTES;
            }
            current.add(part);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            requests.add(request.apply(current));
        }
        return requests;
    }

    private static BatchUpdateValuesRequest valuesRequest(List<ValueRange> data) {
        return new BatchUpdateValuesRequest()
                .setValueInputOption("USER_ENTERED")
                .setData(data);
    }

    private static BitSet writtenRows(ColumnFill fill) {
        BitSet rows = fill.rows();
        if (fill.writesHeader()) {
            rows.set(0);
        }
        return rows;
    }

    /** Neighbouring added columns of one type share a number-format request. */
    private static List<List<Placement>> sameTypeRuns(List<Placement> placements) {
        List<List<Placement>> runs = new ArrayList<>();
        for (Placement placement : placements) {
            List<Placement> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            Placement previous = last == null ? null : last.get(last.size() - 1);
            if (previous != null
                    && previous.index() + 1 == placement.index()
                    && previous.spec().type() == placement.spec().type()) {
                last.add(placement);
            } else {
                runs.add(new ArrayList<>(List.of(placement)));
            }
        }
        return runs;
    }

    /** Neighbouring columns that need exactly the same rows written form one rectangle. */
    private static List<List<ColumnFill>> sameRowRuns(List<ColumnFill> fills) {
        List<ColumnFill> sorted = new ArrayList<>(fills);
        sorted.sort(
                (a, b) -> Integer.compare(a.placement().index(), b.placement().index()));
        List<List<ColumnFill>> runs = new ArrayList<>();
        for (ColumnFill fill : sorted) {
            List<ColumnFill> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            ColumnFill previous = last == null ? null : last.get(last.size() - 1);
            if (previous != null
                    && previous.placement().index() + 1 == fill.placement().index()
                    && writtenRows(previous).equals(writtenRows(fill))) {
                last.add(fill);
            } else {
                runs.add(new ArrayList<>(List.of(fill)));
            }
        }
        return runs;
    }

    /**
     * A new sheet with a fixed id, one row high and as wide as {@code header}, and its header row: the
     * updateCells addresses the sheet by the id the addSheet gives it, so both go in one batch. Its
     * rows come from the appends, which insert them.
     */
    static BatchUpdateSpreadsheetRequest addSheet(String title, int sheetId, List<String> header) {
        List<CellData> cells = new ArrayList<>();
        for (String name : header) {
            cells.add(new CellData().setUserEnteredValue(new ExtendedValue().setStringValue(name)));
        }
        return new BatchUpdateSpreadsheetRequest()
                .setRequests(List.of(
                        new Request()
                                .setAddSheet(new AddSheetRequest()
                                        .setProperties(new SheetProperties()
                                                .setSheetId(sheetId)
                                                .setTitle(title)
                                                .setGridProperties(new GridProperties()
                                                        .setRowCount(1)
                                                        .setColumnCount(header.size())))),
                        new Request()
                                .setUpdateCells(new UpdateCellsRequest()
                                        .setStart(new GridCoordinate()
                                                .setSheetId(sheetId)
                                                .setRowIndex(0)
                                                .setColumnIndex(0))
                                        .setRows(List.of(new RowData().setValues(cells)))
                                        .setFields("userEnteredValue"))));
    }
}
