package com.spooltracker.extendschema.sheets;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.DataFilter;
import com.google.api.services.sheets.v4.model.GetSpreadsheetByDataFilterRequest;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.failure.Failure;
import com.spooltracker.extendschema.schema.ColumnFill;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.GridCell;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The only place that calls the Sheets API. Reads ask for exactly the ranges and fields the planner
 * needs (one {@code spreadsheets.get} answers grid size, header row and columns at once); writes
 * send requests built by {@link WriteRequests}.
 */
public final class SheetsGateway {
    /** The spreadsheet's own developer metadata, where the schema history is: in every grid read, so no call of its own. */
    static final String NOTES_FIELDS = "developerMetadata(metadataId,metadataKey,metadataValue)";

    /**
     * What a person sees ({@code formattedValue}) and, for cells that show nothing, whether a formula
     * is there ({@code userEnteredValue.formulaValue}): every entered literal also has a displayed
     * value, so asking for the whole entered value would only double the bytes.
     */
    private static final String GRID_FIELDS = NOTES_FIELDS
            + ",sheets(properties(sheetId,title,gridProperties(rowCount,columnCount))," + "data(startRow,startColumn,"
            + ColumnMarks.FIELDS + ",rowData(values(formattedValue,userEnteredValue(formulaValue)))))";
    /**
     * The metrics refresh must also know which cells an array formula fills (they show a value and have
     * none entered): that takes the whole entered value.
     */
    private static final String GRID_FIELDS_WITH_ENTERED = NOTES_FIELDS
            + ",sheets(properties(sheetId,title,gridProperties(rowCount,columnCount))," + "data(startRow,startColumn,"
            + ColumnMarks.FIELDS + ",rowData(values(formattedValue,userEnteredValue))))";

    private final Sheets sheets;
    private final String spreadsheetId;
    private final Supplier<Optional<String>> identity;

    public SheetsGateway(Sheets sheets, String spreadsheetId, Supplier<Optional<String>> identity) {
        this.sheets = sheets;
        this.spreadsheetId = spreadsheetId;
        this.identity = identity;
    }

    /** The sheet's grid and header row; no column data. */
    public SheetSnapshot readHeader(String title) {
        return readColumns(title, new TreeSet<>());
    }

    /**
     * As {@link #readColumns(String, SortedSet)}, or empty when the spreadsheet has no such sheet (no
     * second call to name the sheets it has).
     */
    public Optional<SheetSnapshot> readColumnsIfPresent(String title, SortedSet<Integer> columns) {
        try {
            return Optional.of(read(title, columns, false));
        } catch (NoSuchSheet missing) {
            return Optional.empty();
        }
    }

    /**
     * The sheet's grid, header row and, for each of {@code columns}, which rows hold a value. A
     * column must start inside the grid (Google rejects ranges that start past it).
     *
     * @throws StaleLayout when Google says a requested column lies past the grid
     */
    public SheetSnapshot readColumns(String title, SortedSet<Integer> columns) {
        return readColumns(title, columns, false);
    }

    /**
     * As {@link #readColumns(String, SortedSet)}; with {@code formulas}, the snapshot also knows which
     * cells a formula produces ({@link SheetSnapshot#managedRows}), at the cost of the entered values' bytes.
     */
    public SheetSnapshot readColumns(String title, SortedSet<Integer> columns, boolean formulas) {
        try {
            return read(title, columns, formulas);
        } catch (NoSuchSheet missing) {
            throw sheetNotFound(title);
        }
    }

    private SheetSnapshot read(String title, SortedSet<Integer> columns, boolean formulas) {
        List<int[]> runs = runs(columns);
        List<String> ranges = new ArrayList<>();
        ranges.add(A1.row(title, 1));
        for (int[] run : runs) {
            ranges.add(A1.columns(title, run[0], run[1]));
        }
        String call = "the read of sheet '" + title + "'";
        GridResponse.Answer answer;
        try {
            HttpResponse response = sheets.spreadsheets()
                    .get(spreadsheetId)
                    .setRanges(ranges)
                    .setIncludeGridData(true)
                    .setFields(formulas ? GRID_FIELDS_WITH_ENTERED : GRID_FIELDS)
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                answer = GridResponse.answer(body, formulas);
            } finally {
                response.disconnect();
            }
        } catch (GoogleJsonResponseException e) {
            String message = SheetsErrors.googleMessage(e);
            if (e.getStatusCode() == 400 && message.startsWith("Unable to parse range")) {
                throw new NoSuchSheet(title);
            }
            if (e.getStatusCode() == 400 && message.contains("exceeds grid limits") && !runs.isEmpty()) {
                throw new StaleLayout();
            }
            throw translate(e, call);
        } catch (IOException e) {
            throw translate(e, call);
        } catch (GridResponse.UnexpectedAnswer e) {
            throw SheetsErrors.unexpectedAnswer(call, e.getMessage(), e);
        }
        GridResponse.SheetGrid sheet = answer.sheets().stream()
                .filter(s -> title.equals(s.title()))
                .findFirst()
                .orElseThrow(
                        () -> SheetsErrors.unexpectedAnswer(call, "the answer leaves out sheet '" + title + "'", null));
        List<GridResponse.Block> blocks = sheet.blocks();
        if (blocks.size() != ranges.size()) {
            throw SheetsErrors.unexpectedAnswer(
                    call, "asked for " + ranges.size() + " ranges, the answer has " + blocks.size(), null);
        }
        if (sheet.rowCount() < 1 || sheet.columnCount() < 1) {
            throw SheetsErrors.unexpectedAnswer(call, "the answer gives no grid size for the sheet", null);
        }
        Map<Integer, BitSet> filled = new HashMap<>();
        Map<Integer, BitSet> shown = new HashMap<>();
        Map<Integer, BitSet> managed = new HashMap<>();
        Map<Integer, List<GridCell>> cells = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            GridResponse.Block block = blocks.get(i + 1);
            for (int c = runs.get(i)[0]; c <= runs.get(i)[1]; c++) {
                filled.put(c, block.filledRowsByColumn().getOrDefault(c, new BitSet()));
                shown.put(c, block.shownRowsByColumn().getOrDefault(c, new BitSet()));
                managed.put(c, block.managedRowsByColumn().getOrDefault(c, new BitSet()));
                if (formulas) {
                    cells.put(c, block.cellsByColumn().getOrDefault(c, List.of()));
                }
            }
        }
        return new SheetSnapshot(
                title,
                sheet.sheetId(),
                sheet.rowCount(),
                sheet.columnCount(),
                ColumnMap.of(blocks.get(0).firstRow()),
                filled,
                shown,
                managed,
                cells,
                blocks.get(0).anchors(),
                answer.notes());
    }

    /**
     * A read for an instance that knows nothing of the layout: one {@code spreadsheets.getByDataFilter}
     * of the sheet's header row, of the columns {@code presumed}, and of every column that carries one
     * of the function's layout marks ({@link ColumnMarks#LAYOUT_KEY}), each whole, with the same fields
     * as {@link #readColumns(String, SortedSet, boolean)} (the spreadsheet's own notes and the columns'
     * write marks included); with {@code alsoHeaderOf}, that sheet's header row and its marks too.
     * "Specifying one or more data filters returns the portions of the spreadsheet that intersect
     * ranges matched by any of the filters"
     * (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/getByDataFilter); the
     * caller checks that the columns read ({@link MarkedGrid}) are the ones the header calls for.
     *
     * @throws NoSuchSheet when either sheet does not exist
     * @throws StaleLayout when a presumed column lies past the grid
     */
    public MarkedGrid.Read readMarked(
            String title, SortedSet<Integer> presumed, boolean formulas, Optional<String> alsoHeaderOf) {
        List<DataFilter> filters = new ArrayList<>();
        filters.add(new DataFilter().setA1Range(A1.row(title, 1)));
        for (int[] run : runs(presumed)) {
            filters.add(new DataFilter().setA1Range(A1.columns(title, run[0], run[1])));
        }
        filters.add(ColumnMarks.columnsMarkedWith(ColumnMarks.LAYOUT_KEY));
        alsoHeaderOf.ifPresent(other -> filters.add(new DataFilter().setA1Range(A1.row(other, 1))));
        String call = "the read of sheet '" + title + "' by its column marks";
        GridResponse.Answer answer;
        try {
            HttpResponse response = sheets.spreadsheets()
                    .getByDataFilter(
                            spreadsheetId,
                            new GetSpreadsheetByDataFilterRequest()
                                    .setDataFilters(filters)
                                    .setIncludeGridData(true))
                    .setFields(formulas ? GRID_FIELDS_WITH_ENTERED : GRID_FIELDS)
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                answer = GridResponse.answer(body, formulas);
            } finally {
                response.disconnect();
            }
        } catch (GoogleJsonResponseException e) {
            String message = SheetsErrors.googleMessage(e);
            if (e.getStatusCode() == 400 && message.startsWith("Unable to parse range")) {
                throw new NoSuchSheet(
                        title + alsoHeaderOf.map(other -> "' or '" + other).orElse(""));
            }
            if (e.getStatusCode() == 400 && message.contains("exceeds grid limits")) {
                throw new StaleLayout();
            }
            throw translate(e, call);
        } catch (IOException e) {
            throw translate(e, call);
        } catch (GridResponse.UnexpectedAnswer e) {
            throw SheetsErrors.unexpectedAnswer(call, e.getMessage(), e);
        }
        try {
            return MarkedGrid.of(answer, title, alsoHeaderOf, formulas);
        } catch (GridResponse.UnexpectedAnswer e) {
            throw SheetsErrors.unexpectedAnswer(call, e.getMessage(), e);
        }
    }

    /**
     * As {@link #readValues} for an instance that knows nothing of the layout: one {@code
     * values.batchGetByDataFilter} of sheet {@code title}'s header row, of the columns {@code presumed}
     * and of every column that carries a mark under {@code markKey}, each whole. Each matched range
     * comes back with its A1 range ("valueRange: The values matched by the DataFilter",
     * MatchedValueRange, developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGetByDataFilter),
     * so each column is known by position.
     *
     * @throws NoSuchSheet when the spreadsheet has no such sheet
     * @throws StaleLayout when a presumed column lies past the grid
     */
    public MarkedValues readMarkedValues(String title, List<Integer> presumed, String markKey) {
        String what = "the values read of '" + title + "' by its column marks";
        List<DataFilter> filters = new ArrayList<>();
        filters.add(new DataFilter().setA1Range(A1.row(title, 1)));
        for (int column : presumed) {
            filters.add(new DataFilter().setA1Range(A1.columns(title, column, column)));
        }
        filters.add(ColumnMarks.columnsMarkedWith(markKey));
        List<ValueColumns.Matched> matched;
        try {
            HttpResponse response = sheets.spreadsheets()
                    .values()
                    .batchGetByDataFilter(
                            spreadsheetId,
                            new BatchGetValuesByDataFilterRequest()
                                    .setDataFilters(filters)
                                    .setValueRenderOption("UNFORMATTED_VALUE")
                                    .setDateTimeRenderOption("SERIAL_NUMBER")
                                    .setMajorDimension("COLUMNS"))
                    .setFields("valueRanges(valueRange(range,majorDimension,values))")
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                matched = ValueColumns.matched(body);
            } finally {
                response.disconnect();
            }
        } catch (GoogleJsonResponseException e) {
            String message = SheetsErrors.googleMessage(e);
            if (e.getStatusCode() == 400 && message.startsWith("Unable to parse range")) {
                throw new NoSuchSheet(title);
            }
            if (e.getStatusCode() == 400 && message.contains("exceeds grid limits")) {
                throw new StaleLayout();
            }
            throw translate(e, what);
        } catch (IOException e) {
            throw translate(e, what);
        } catch (IllegalStateException | NumberFormatException wrongShape) {
            throw SheetsErrors.unexpectedAnswer(what, "a value of the wrong JSON type", wrongShape);
        }
        try {
            return MarkedValues.of(matched, title);
        } catch (IllegalStateException | IllegalArgumentException wrongShape) {
            throw SheetsErrors.unexpectedAnswer(what, wrongShape.getMessage(), wrongShape);
        }
    }

    /**
     * Puts {@code marks} (on any sheets, under any of the function's keys) and deletes the marks
     * {@code stale}, in one atomic update; as {@link #placeMarks}, a 400 (a mark with that fixed id is
     * already there: another run put it) is no failure.
     *
     * @return whether Google applied the update
     */
    public boolean placeColumnMarks(List<ColumnMarks.Mark> marks, List<Integer> stale) {
        String call = "the column marks update";
        try {
            sheets.spreadsheets()
                    .batchUpdate(
                            spreadsheetId,
                            new BatchUpdateSpreadsheetRequest().setRequests(ColumnMarks.placing(marks, stale)))
                    .execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 400) {
                return false;
            }
            throw translate(e, call);
        } catch (IOException e) {
            throw translate(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
        }
    }

    /** Each sheet's title and grid size, without any cells: what the workbook-wide cell limit is judged on. */
    public List<GridSize> gridSizes() {
        String call = "the read of the spreadsheet's sheet sizes";
        try {
            HttpResponse response = sheets.spreadsheets()
                    .get(spreadsheetId)
                    .setFields("sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)))")
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                return GridResponse.read(body).stream()
                        .map(s -> new GridSize(s.title(), Math.max(0, s.rowCount()), Math.max(0, s.columnCount())))
                        .collect(Collectors.toList());
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw translate(e, call);
        } catch (GridResponse.UnexpectedAnswer e) {
            throw SheetsErrors.unexpectedAnswer(call, e.getMessage(), e);
        }
    }

    /** The spreadsheet's sheet titles and the function's notes on it (its schema history), without any cell. */
    public record Outline(List<String> titles, List<SpreadsheetNote> notes) {}

    /** One small {@code spreadsheets.get}: every sheet's title, and the schema history. */
    public Outline outline() {
        String call = "the read of the spreadsheet's sheets and schema history";
        try {
            HttpResponse response = sheets.spreadsheets()
                    .get(spreadsheetId)
                    .setFields(NOTES_FIELDS + ",sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)))")
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                GridResponse.Answer answer = GridResponse.answer(body, false);
                return new Outline(
                        answer.sheets().stream()
                                .map(GridResponse.SheetGrid::title)
                                .toList(),
                        answer.notes());
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw translate(e, call);
        } catch (GridResponse.UnexpectedAnswer e) {
            throw SheetsErrors.unexpectedAnswer(call, e.getMessage(), e);
        }
    }

    /** One sheet's title and grid. */
    public record GridSize(String title, int rowCount, int columnCount) {
        public long cells() {
            return (long) rowCount * columnCount;
        }
    }

    /**
     * Writes a plan: the grid and formats first, in one batch Google applies atomically, then the values in
     * bodies of at most {@link WriteRequests#MAX_BODY_BYTES}. A failure part-way leaves the values written so
     * far; every write is absolute, so running the plan again is safe.
     */
    public void apply(Plan plan) {
        apply(plan, Map.of());
    }

    /**
     * As {@link #apply(Plan)}; the defaults of the columns in {@code marks} (0-based column → mark id) go
     * through their marks ({@code values.batchUpdateByDataFilter}), so they land in that column wherever
     * it is when Google applies the write.
     *
     * @throws MarkMissed when Google refuses a write through a mark
     */
    public void apply(Plan plan, Map<Integer, Integer> marks) {
        apply(plan, marks, List.of(), List.of());
    }

    /**
     * As {@link #apply(Plan, Map)}; the changes of {@code others} (other sheets: grid, formats, headers)
     * and the spreadsheet notes {@code notes} (history entries) go in the same atomic batch as the
     * migrated sheet's grid and formats, and the other sheets' defaults with its values.
     */
    public void apply(Plan plan, Map<Integer, Integer> marks, List<Plan> others, List<SpreadsheetNote> notes) {
        WriteRequests.structural(plan, others, notes).ifPresent(this::update);
        for (Plan other : others) {
            for (BatchUpdateValuesRequest values :
                    WriteRequests.values(WriteRequests.defaultsOnly(other), WriteRequests.MAX_BODY_BYTES)) {
                write(values);
            }
        }
        List<ColumnFill> positional = new ArrayList<>();
        List<ColumnMarks.MarkedCells> marked = new ArrayList<>();
        for (ColumnFill fill : plan.fills()) {
            Integer mark =
                    fill.writesHeader() ? null : marks.get(fill.placement().index());
            if (mark == null) {
                positional.add(fill);
                continue;
            }
            SortedMap<Integer, BigDecimal> zeros = new TreeMap<>();
            BigDecimal value =
                    BigDecimal.valueOf(fill.placement().spec().defaultValue().orElseThrow());
            fill.rows().stream().forEach(row -> zeros.put(row, value));
            marked.add(new ColumnMarks.MarkedCells(mark, zeros, new TreeSet<>()));
        }
        Plan byPosition = WriteRequests.withFills(plan, positional);
        for (BatchUpdateValuesRequest values : WriteRequests.values(byPosition, WriteRequests.MAX_BODY_BYTES)) {
            write(values);
        }
        if (!marked.isEmpty()) {
            writeThroughMarks(marked);
        }
    }

    /**
     * Puts {@code marks} on columns of sheet {@code sheetId} and deletes the marks {@code stale}, in one
     * atomic update. A mark's id is fixed by its sheet and header ({@link ColumnMarks#idOf}), so a
     * request sent again, or by two runs at once, cannot put a second one: Google refuses the batch
     * (400), which is no failure here, because the caller reads the marks back before it trusts them.
     *
     * @return whether Google applied the update
     */
    public boolean placeMarks(int sheetId, List<ColumnMarks.Place> marks, List<Integer> stale) {
        String call = "the column marks update";
        try {
            sheets.spreadsheets()
                    .batchUpdate(
                            spreadsheetId,
                            new BatchUpdateSpreadsheetRequest().setRequests(ColumnMarks.placing(sheetId, marks, stale)))
                    .execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 400) {
                return false;
            }
            throw translate(e, call);
        } catch (IOException e) {
            throw translate(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
        }
    }

    /**
     * Writes cells through column marks ({@code values.batchUpdateByDataFilter}, RAW): each lands in the
     * column its mark is on when Google applies it.
     *
     * @return how many requests were sent
     * @throws MarkMissed when Google refuses a write through a mark (gone, or the column is now too short)
     */
    public int writeThroughMarks(List<ColumnMarks.MarkedCells> columns) {
        String call = "the metrics write";
        List<BatchUpdateValuesByDataFilterRequest> requests = ColumnMarks.writes(columns, WriteRequests.MAX_BODY_BYTES);
        for (BatchUpdateValuesByDataFilterRequest request : requests) {
            try {
                sheets.spreadsheets()
                        .values()
                        .batchUpdateByDataFilter(spreadsheetId, request)
                        .execute();
            } catch (GoogleJsonResponseException e) {
                if (e.getStatusCode() == 400) {
                    throw new MarkMissed(SheetsErrors.googleMessage(e));
                }
                throw translate(e, call);
            } catch (IOException e) {
                throw translate(e, call);
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
                throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
            }
        }
        return requests.size();
    }

    /** Google refused a write through a column mark: the sheet changed under the run. */
    public static final class MarkMissed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MarkMissed(String googleMessage) {
            super(googleMessage, null, false, false);
        }
    }

    /** Applies a structural update (grid size, formats). Google applies it atomically. */
    public void update(BatchUpdateSpreadsheetRequest request) {
        String call = "the grid and format update";
        try {
            sheets.spreadsheets().batchUpdate(spreadsheetId, request).execute();
        } catch (IOException e) {
            throw translate(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
        }
    }

    public void write(BatchUpdateValuesRequest request) {
        String call = "the values write";
        try {
            sheets.spreadsheets().values().batchUpdate(spreadsheetId, request).execute();
        } catch (IOException e) {
            throw translate(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
        }
    }

    /**
     * Adds sheet {@code title} with id {@code sheetId}, one row high and as wide as {@code header}, and
     * writes {@code header} (raw text) into its first row, in one batch Google applies atomically: a sheet
     * never exists without its header. Google refuses (400) a title already taken and "the ID of a sheet
     * that already exists" (AddSheetRequest, developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#AddSheetRequest),
     * so with an id fixed by the title a second creation, by a retry or a run at the same time, is
     * refused rather than adding a second sheet; that refusal is no failure here.
     *
     * @return whether this call created the sheet; false when it already existed
     */
    public boolean addSheet(String title, int sheetId, List<String> header) {
        String call = "the creation of sheet '" + title + "'";
        try {
            sheets.spreadsheets()
                    .batchUpdate(spreadsheetId, WriteRequests.addSheet(title, sheetId, header))
                    .execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 400 && SheetsErrors.googleMessage(e).contains("already exists")) {
                return false;
            }
            throw translate(e, call);
        } catch (IOException e) {
            throw translate(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e);
        }
    }

    /**
     * The service account the calls run as, when the credentials know its email; empty against an
     * emulator or when only a description is known.
     */
    public Optional<String> account() {
        return identity.get().filter(who -> who.contains("@"));
    }

    /**
     * Appends one row of raw values after the table in {@code sheetTitle}, inserting a row for it.
     * The append is never sent twice (it is not absolute), so an answer lost on the way back leaves the
     * row written or not: that is {@link AppendUnconfirmed}, not a failure.
     *
     * @throws NoSuchSheet when the spreadsheet has no such sheet
     * @throws AppendUnconfirmed when the row may have been written
     */
    public void appendRow(String sheetTitle, List<Object> row) {
        String call = "the audit append";
        try {
            RetryingInitializer.markNotIdempotent(sheets.spreadsheets()
                            .values()
                            .append(
                                    spreadsheetId,
                                    A1.sheet(sheetTitle) + "!A1",
                                    new ValueRange().setValues(List.of(row)))
                            .setValueInputOption("RAW")
                            .setInsertDataOption("INSERT_ROWS"))
                    .execute();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 400 && SheetsErrors.googleMessage(e).startsWith("Unable to parse range")) {
                throw new NoSuchSheet(sheetTitle);
            }
            throw appendFailure(e, call);
        } catch (IOException e) {
            throw appendFailure(e, call);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new AppendUnconfirmed(
                    "Google's reply does not parse as Google's",
                    SheetsErrors.unexpectedAnswer(call, "its reply does not parse as Google's", e));
        }
    }

    /**
     * A failed append: unconfirmed when it may have been applied (no answer, or a 5xx that is not
     * retried), else a failure. Running again adds no row (the run's other writes leave nothing to
     * audit), so the message does not say it would.
     */
    private RuntimeException appendFailure(IOException e, String call) {
        Failure failure =
                SheetsErrors.translate(Unreachable.explain(sheets, e), call, spreadsheetId, identity.get(), "");
        if (e instanceof HttpResponseException response) {
            return RetryingInitializer.answeredOnceWhenNotIdempotent(response.getStatusCode())
                    ? new AppendUnconfirmed(SheetsErrors.answeredOnce(e), failure)
                    : failure;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return failure;
        }
        return new AppendUnconfirmed(
                SheetsErrors.isUnreadable(e) ? "Google's reply was unreadable (not JSON)" : "Google's answer was lost",
                failure);
    }

    /**
     * One {@code values.batchGet} of {@code ranges}, numbers unformatted (a comma-decimal locale
     * still gives numbers; dates are serial numbers), column-major. Answers, per range, its columns'
     * cells as {@link ValueColumns} reads them: a header row as one-cell columns, a column as one list.
     *
     * @throws StaleLayout when a range starts past its sheet's grid
     * @throws NoSuchSheet when a range names a sheet the spreadsheet does not have
     */
    public List<List<List<Object>>> readValues(List<ValuesRange> ranges) {
        String what = "the values read of "
                + ranges.stream()
                        .map(ValuesRange::sheet)
                        .distinct()
                        .map(s -> "'" + s + "'")
                        .collect(Collectors.joining(" and "));
        List<List<List<Object>>> answer;
        try {
            HttpResponse response = sheets.spreadsheets()
                    .values()
                    .batchGet(spreadsheetId)
                    .setRanges(ranges.stream().map(ValuesRange::a1).toList())
                    .setValueRenderOption("UNFORMATTED_VALUE")
                    .setDateTimeRenderOption("SERIAL_NUMBER")
                    .setMajorDimension("COLUMNS")
                    .setFields("valueRanges(majorDimension,values)")
                    .executeUnparsed();
            try (Reader body = new InputStreamReader(response.getContent(), StandardCharsets.UTF_8)) {
                answer = ValueColumns.read(body);
            } finally {
                response.disconnect();
            }
        } catch (GoogleJsonResponseException e) {
            String message = SheetsErrors.googleMessage(e);
            if (e.getStatusCode() == 400 && message.startsWith("Unable to parse range")) {
                throw new NoSuchSheet(
                        ranges.stream().map(ValuesRange::sheet).distinct().collect(Collectors.joining("' or '")));
            }
            if (e.getStatusCode() == 400 && message.contains("exceeds grid limits")) {
                throw new StaleLayout();
            }
            throw translate(e, what);
        } catch (IOException e) {
            throw translate(e, what);
        } catch (IllegalStateException | NumberFormatException wrongShape) {
            throw SheetsErrors.unexpectedAnswer(what, "a value of the wrong JSON type", wrongShape);
        }
        if (answer.size() != ranges.size()) {
            throw SheetsErrors.unexpectedAnswer(
                    what, "asked for " + ranges.size() + " ranges, the answer has " + answer.size(), null);
        }
        for (int i = 0; i < ranges.size(); i++) {
            answer.set(i, ranges.get(i).belowHeader(answer.get(i)));
        }
        return answer;
    }

    /** Thrown when a cached layout asked for columns that are no longer inside the grid. */
    public static final class StaleLayout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleLayout() {
            super("the cached layout names columns past the grid", null, false, false);
        }
    }

    /** Thrown when a write names a sheet the spreadsheet does not have. */
    public static final class NoSuchSheet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchSheet(String title) {
            super("no sheet '" + title + "'", null, false, false);
        }
    }

    /** Thrown when an append was sent but its answer was lost or garbled: the row may or may not be there. */
    public static final class AppendUnconfirmed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        /** @param failure what the append would be reported as, had it surely failed: the message and cause */
        AppendUnconfirmed(String reason, Failure failure) {
            super(failure.getMessage(), failure, false, false);
            this.reason = reason;
        }

        /** What happened, as a clause: "Google's answer was lost", "Google Sheets answered 500 INTERNAL once". */
        public String reason() {
            return reason;
        }
    }

    private Failure sheetNotFound(String title) {
        String existing;
        try {
            Spreadsheet spreadsheet = sheets.spreadsheets()
                    .get(spreadsheetId)
                    .setFields("sheets(properties(title))")
                    .execute();
            existing = spreadsheet.getSheets() == null
                    ? "none"
                    : spreadsheet.getSheets().stream()
                            .map(s -> "'" + s.getProperties().getTitle() + "'")
                            .collect(Collectors.joining(", "));
        } catch (IOException | RuntimeException e) {
            existing = "unknown";
        }
        return new Failure.NotFound("Sheet '" + title + "' was not found in spreadsheet '" + spreadsheetId
                + "' (its sheets: " + existing + "). Check SHEET_NAME.");
    }

    private Failure translate(IOException e, String call) {
        return SheetsErrors.translate(Unreachable.explain(sheets, e), call, spreadsheetId, identity.get());
    }

    private static List<int[]> runs(SortedSet<Integer> columns) {
        List<int[]> runs = new ArrayList<>();
        for (int column : columns) {
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == column - 1) {
                last[1] = column;
            } else {
                runs.add(new int[] {column, column});
            }
        }
        return runs;
    }
}
