package com.spooltracker.extendschema.emulator.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a spreadsheets.batchUpdate atomically: every request runs in order against a draft (sheets
 * are copied on first touch); the draft replaces the spreadsheet's sheets only if all succeed.
 */
public final class BatchUpdate {

    private static final Set<String> SHEET_FIELDS = Set.of(
            "title",
            "index",
            "gridProperties",
            "gridProperties.rowCount",
            "gridProperties.columnCount",
            "gridProperties.frozenRowCount");
    private static final Set<String> CELL_FIELDS = Set.of(
            "userEnteredValue",
            "userEnteredFormat",
            "userEnteredFormat.numberFormat",
            "userEnteredFormat.numberFormat.type",
            "userEnteredFormat.numberFormat.pattern");

    private final Spreadsheet spreadsheet;
    private final List<Sheet> draft;
    private final Set<Sheet> copied = new HashSet<>();
    private final List<DeveloperMetadata> metadata;

    private BatchUpdate(Spreadsheet spreadsheet) {
        this.spreadsheet = spreadsheet;
        this.draft = new ArrayList<>(spreadsheet.sheets());
        this.metadata = new ArrayList<>(spreadsheet.developerMetadata());
    }

    /**
     * Runs {@code requests}; returns one reply per request. Throws {@link SheetsError.InvalidArgument} (and
     * changes nothing) if any request is invalid.
     */
    public static List<BatchReply> apply(Spreadsheet spreadsheet, List<SheetRequest> requests) {
        BatchUpdate batch = new BatchUpdate(spreadsheet);
        List<BatchReply> replies = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            SheetRequest request = requests.get(i);
            try {
                replies.add(batch.run(request));
            } catch (SheetsError.InvalidArgument e) {
                throw e.inRequest(i, request.kind());
            }
        }
        spreadsheet.sheets().clear();
        spreadsheet.sheets().addAll(batch.draft);
        spreadsheet.developerMetadata().clear();
        spreadsheet.developerMetadata().addAll(batch.metadata);
        return replies;
    }

    private BatchReply run(SheetRequest request) {
        if (request instanceof SheetRequest.UpdateSheetProperties r) {
            updateSheetProperties(r);
        } else if (request instanceof SheetRequest.AppendDimension r) {
            appendDimension(r);
        } else if (request instanceof SheetRequest.RepeatCell r) {
            repeatCell(r);
        } else if (request instanceof SheetRequest.AddSheet r) {
            return new BatchReply.AddSheet(addSheet(r));
        } else if (request instanceof SheetRequest.CreateDeveloperMetadata r) {
            return new BatchReply.CreateDeveloperMetadata(createMetadata(r.metadata()));
        } else if (request instanceof SheetRequest.UpdateDeveloperMetadata r) {
            return new BatchReply.UpdateDeveloperMetadata(updateMetadata(r));
        } else if (request instanceof SheetRequest.DeleteDeveloperMetadata r) {
            return new BatchReply.DeleteDeveloperMetadata(deleteMetadata(r.filter()));
        } else if (request instanceof SheetRequest.InsertDimension r) {
            insertDimension(r);
        } else if (request instanceof SheetRequest.DeleteDimension r) {
            deleteDimension(r);
        } else if (request instanceof SheetRequest.MoveDimension r) {
            moveDimension(r);
        } else if (request instanceof SheetRequest.UpdateCells r) {
            updateCells(r);
        } else {
            throw SheetsError.invalid("This request kind is not supported by the Sheets emulator.");
        }
        return BatchReply.NONE;
    }

    private Sheet writable(int sheetId) {
        for (int i = 0; i < draft.size(); i++) {
            Sheet sheet = draft.get(i);
            if (sheet.sheetId() == sheetId) {
                if (!copied.contains(sheet)) {
                    sheet = sheet.copy();
                    draft.set(i, sheet);
                    copied.add(sheet);
                }
                return sheet;
            }
        }
        throw SheetsError.invalid("No grid with id: " + sheetId);
    }

    private long cellCount() {
        return draft.stream().mapToLong(Sheet::cellCount).sum();
    }

    private void resize(Sheet sheet, int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw SheetsError.invalid("A sheet must have at least one row and one column.");
        }
        long growth = (long) rows * columns - sheet.cellCount();
        if (growth > 0) {
            CellLimit.check(cellCount() + growth);
        }
        sheet.resize(rows, columns);
        // Rows or columns cut off by a smaller grid are deleted, and their metadata with them.
        metadata.removeIf(m -> m.location() instanceof DeveloperMetadata.OnDimension d
                && d.sheetId() == sheet.sheetId()
                && d.index() >= (d.rows() ? rows : columns));
    }

    private void updateSheetProperties(SheetRequest.UpdateSheetProperties r) {
        if (r.fields().isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        boolean all = r.fields().contains("*");
        for (String field : r.fields()) {
            if (!all && !SHEET_FIELDS.contains(field)) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
        Sheet sheet = writable(r.sheetId());
        boolean grid = all || r.fields().contains("gridProperties");
        int rows = grid || r.fields().contains("gridProperties.rowCount") ? orZero(r.rowCount()) : sheet.rowCount();
        int columns = grid || r.fields().contains("gridProperties.columnCount")
                ? orZero(r.columnCount())
                : sheet.columnCount();
        int frozen = grid || r.fields().contains("gridProperties.frozenRowCount")
                ? orZero(r.frozenRowCount())
                : sheet.frozenRowCount();
        if (frozen >= rows) {
            throw SheetsError.invalid("You can't freeze all visible rows on the sheet.");
        }
        // Google applies rowCount before columnCount and checks the cell limit in between, so growing rows
        // while shrinking columns can be refused even when the final grid fits (gspread-dataframe#37).
        if (rows != sheet.rowCount()) {
            resize(sheet, rows, sheet.columnCount());
        }
        if (columns != sheet.columnCount()) {
            resize(sheet, rows, columns);
        }
        sheet.freezeRows(frozen);
        if (all || r.fields().contains("title")) {
            rename(sheet, r.title());
        }
        if (all || r.fields().contains("index")) {
            move(sheet, orZero(r.index()));
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private void rename(Sheet sheet, String title) {
        if (title == null || title.isBlank()) {
            throw SheetsError.invalid("The sheet name cannot be empty.");
        }
        for (Sheet other : draft) {
            if (other != sheet && other.title().equalsIgnoreCase(title)) {
                throw SheetsError.invalid(
                        "A sheet with the name \"" + title + "\" already exists. Please enter another name.");
            }
        }
        sheet.rename(title);
    }

    private void move(Sheet sheet, int index) {
        draft.remove(sheet);
        draft.add(Math.max(0, Math.min(index, draft.size())), sheet);
    }

    private void appendDimension(SheetRequest.AppendDimension r) {
        if (r.length() < 1) {
            throw SheetsError.invalid("length must be greater than zero.");
        }
        Sheet sheet = writable(r.sheetId());
        switch (r.dimension() == null ? "" : r.dimension()) {
            case "ROWS" -> resize(sheet, sheet.rowCount() + r.length(), sheet.columnCount());
            case "COLUMNS" -> resize(sheet, sheet.rowCount(), sheet.columnCount() + r.length());
            default -> throw SheetsError.invalid("dimension must be ROWS or COLUMNS.");
        }
    }

    private void repeatCell(SheetRequest.RepeatCell r) {
        if (r.fields().isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        boolean all = r.fields().contains("*");
        for (String field : r.fields()) {
            if (!all && !CELL_FIELDS.contains(field)) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
        Sheet sheet = writable(r.range().sheetId());
        GridRect rect = rect(sheet, r.range());
        if (rect.isEmpty()) {
            return;
        }
        boolean setValue = all || r.fields().contains("userEnteredValue");
        boolean setFormat = all || r.fields().stream().anyMatch(f -> f.startsWith("userEnteredFormat"));
        for (int row = rect.startRow(); row < rect.endRow(); row++) {
            for (int column = rect.startColumn(); column < rect.endColumn(); column++) {
                Cell old = sheet.cell(row, column);
                CellValue value = setValue ? r.value() : (old == null ? null : old.value());
                NumberFormat format = setFormat ? r.format() : (old == null ? null : old.format());
                sheet.set(row, column, Cell.of(value, format));
            }
        }
    }

    /**
     * The cells of {@code range} that lie in the grid. Measured on the live API: a range that starts at or
     * past the last row or column is refused, naming it with its open ends left open
     * ({@code T!A1001:B}); one that starts inside but ends past the grid is applied to the cells the grid
     * has, and the grid does not grow.
     */
    static GridRect rect(Sheet sheet, SheetRequest.GridRange range) {
        int r0 = range.startRowIndex() == null ? 0 : range.startRowIndex();
        int c0 = range.startColumnIndex() == null ? 0 : range.startColumnIndex();
        if (r0 < 0 || c0 < 0) {
            throw SheetsError.invalid("Range indexes must not be negative.");
        }
        int r1 = range.endRowIndex() == null ? sheet.rowCount() : Math.min(range.endRowIndex(), sheet.rowCount());
        int c1 = range.endColumnIndex() == null
                ? sheet.columnCount()
                : Math.min(range.endColumnIndex(), sheet.columnCount());
        boolean noCells = (range.endRowIndex() != null && range.endRowIndex() <= r0)
                || (range.endColumnIndex() != null && range.endColumnIndex() <= c0);
        if (!noCells && (r0 >= sheet.rowCount() || c0 >= sheet.columnCount())) {
            boolean oneCell = Integer.valueOf(r0 + 1).equals(range.endRowIndex())
                    && Integer.valueOf(c0 + 1).equals(range.endColumnIndex());
            A1Range open = new A1Range(sheet.title(), r0, c0, range.endRowIndex(), range.endColumnIndex(), oneCell);
            throw GridRect.exceedsGridLimits(open.toString(), sheet);
        }
        return new GridRect(sheet.title(), r0, c0, r1, c1);
    }

    /** ROWS or COLUMNS, as a flag; anything else is refused as the enum check would. */
    private static boolean isRows(SheetRequest.DimensionRange range, String field) {
        return switch (range.dimension() == null ? "" : range.dimension()) {
            case "ROWS" -> true;
            case "COLUMNS" -> false;
            default -> throw SheetsError.invalid(field + ".dimension must be ROWS or COLUMNS.");
        };
    }

    /**
     * The checked [start, end) of a DimensionRange. Google refuses a missing startIndex with
     * "range.startIndex must be set" (reported against the live API); the other messages here are the
     * emulator's own wording for refusals Google makes.
     */
    private static int[] span(SheetRequest.DimensionRange range, String field) {
        if (range.startIndex() == null) {
            throw SheetsError.invalid(field + ".startIndex must be set");
        }
        if (range.endIndex() == null) {
            throw SheetsError.invalid(field + ".endIndex must be set");
        }
        int start = range.startIndex();
        int end = range.endIndex();
        if (start < 0 || end <= start) {
            throw SheetsError.invalid(
                    field + " must have 0 <= startIndex < endIndex, got [" + start + ", " + end + ").");
        }
        return new int[] {start, end};
    }

    /** Google's refusal of rows or columns past the grid, naming them as A1 whole rows or columns. */
    private static SheetsError.InvalidArgument outOfGrid(Sheet sheet, boolean rows, int start, int end) {
        String cells = rows ? (start + 1) + ":" + end : ColumnLetters.of(start) + ":" + ColumnLetters.of(end - 1);
        return GridRect.exceedsGridLimits(SheetTitles.quoteIfNeeded(sheet.title()) + "!" + cells, sheet);
    }

    /**
     * Google's refusals, as reported from the live API: a start past the grid ("range.startIndex is larger
     * than current grid size (N)"), and a start at its end unless the new rows or columns inherit from the
     * ones before ("range.startIndex must be less than the grid size (N) if inheritFromBefore is false.").
     */
    private void insertDimension(SheetRequest.InsertDimension r) {
        boolean rows = isRows(r.range(), "range");
        int[] span = span(r.range(), "range");
        Sheet sheet = writable(r.range().sheetId());
        int size = rows ? sheet.rowCount() : sheet.columnCount();
        if (span[0] > size) {
            throw SheetsError.invalid("range.startIndex is larger than current grid size (" + size + ")");
        }
        if (span[0] == size && !r.inheritFromBefore()) {
            throw SheetsError.invalid(
                    "range.startIndex must be less than the grid size (" + size + ") if inheritFromBefore is false.");
        }
        if (r.inheritFromBefore() && span[0] == 0) {
            // Documented: "True to inherit from the dimensions before (in which case the start index must be
            // greater than 0)"; the wording is the emulator's.
            throw SheetsError.invalid("Cannot insert at index 0 and inherit from the dimension before it.");
        }
        int count = span[1] - span[0];
        CellLimit.check(cellCount() + (long) count * (rows ? sheet.columnCount() : sheet.rowCount()));
        reshape(sheet, new GridShift.Insert(sheet.sheetId(), rows, span[0], count), r.inheritFromBefore());
    }

    /**
     * Google's refusals, as reported from the live API: rows past the grid ("Cannot delete a row that doesn't
     * exist. Tried to delete row index 1372 but there are only 1372 rows."; the emulator names the first
     * index that does not exist), every row or column ("You can't delete all the rows on the sheet."), and
     * every row but frozen ones ("Sorry, it is not possible to delete all non-frozen rows.").
     */
    private void deleteDimension(SheetRequest.DeleteDimension r) {
        boolean rows = isRows(r.range(), "range");
        int[] span = span(r.range(), "range");
        Sheet sheet = writable(r.range().sheetId());
        int size = rows ? sheet.rowCount() : sheet.columnCount();
        String noun = rows ? "row" : "column";
        if (span[1] > size) {
            throw SheetsError.invalid("Cannot delete a " + noun + " that doesn't exist. Tried to delete " + noun
                    + " index " + Math.max(span[0], size) + " but there are only " + size + " " + noun + "s.");
        }
        int left = size - (span[1] - span[0]);
        if (left == 0) {
            throw SheetsError.invalid("You can't delete all the " + noun + "s on the sheet.");
        }
        int frozen = rows ? sheet.frozenRowCount() : 0;
        int frozenLeft = frozen - Math.max(0, Math.min(frozen, span[1]) - span[0]);
        if (left - frozenLeft < 1) {
            throw SheetsError.invalid("Sorry, it is not possible to delete all non-frozen " + noun + "s.");
        }
        reshape(sheet, new GridShift.Delete(sheet.sheetId(), rows, span[0], span[1]), false);
    }

    /**
     * destinationIndex is "the zero-based start index of where to move the source data to, based on the
     * coordinates *before* the source data is removed from the grid" (MoveDimensionRequest). A destination
     * inside the source leaves everything where it is.
     */
    private void moveDimension(SheetRequest.MoveDimension r) {
        boolean rows = isRows(r.source(), "source");
        int[] span = span(r.source(), "source");
        Sheet sheet = writable(r.source().sheetId());
        int size = rows ? sheet.rowCount() : sheet.columnCount();
        if (span[1] > size) {
            throw outOfGrid(sheet, rows, span[0], span[1]);
        }
        if (r.destinationIndex() == null) {
            throw SheetsError.invalid("destinationIndex must be set");
        }
        int destination = r.destinationIndex();
        if (destination < 0 || destination > size) {
            throw outOfGrid(sheet, rows, destination, destination + 1);
        }
        reshape(sheet, new GridShift.Move(sheet.sheetId(), rows, span[0], span[1], destination), false);
    }

    /** Moves the cells of {@code sheet}, then rewrites every formula of the spreadsheet that points there. */
    private void reshape(Sheet sheet, GridShift shift, boolean inheritFromBefore) {
        sheet.apply(shift, inheritFromBefore);
        for (Sheet host : List.copyOf(draft)) {
            List<int[]> at = new ArrayList<>();
            List<CellValue.Formula> rewritten = new ArrayList<>();
            host.forEachFormula((row, column, formula) -> {
                String text = FormulaShift.rewrite(formula.formula(), host.title(), sheet.title(), shift);
                if (!text.equals(formula.formula())) {
                    at.add(new int[] {row, column});
                    rewritten.add(new CellValue.Formula(text));
                }
            });
            if (!at.isEmpty()) {
                Sheet target = writable(host.sheetId());
                for (int i = 0; i < at.size(); i++) {
                    target.replaceValue(at.get(i)[0], at.get(i)[1], rewritten.get(i));
                }
            }
        }
        moveMetadata(shift);
    }

    /**
     * Row and column metadata follow their row or column and go with it when it is deleted: "if developer
     * metadata is associated with row 5 and another row is then subsequently inserted above row 5, that
     * original metadata will still be associated with the row it was first associated with (what is now row
     * 6). If the associated object is deleted its metadata is deleted too." (spreadsheets.developerMetadata)
     */
    private void moveMetadata(GridShift shift) {
        for (int i = metadata.size() - 1; i >= 0; i--) {
            DeveloperMetadata m = metadata.get(i);
            if (m.location() instanceof DeveloperMetadata.OnDimension d
                    && d.sheetId() == shift.sheetId()
                    && d.rows() == shift.rows()) {
                int index = shift.map(d.index());
                if (index < 0) {
                    metadata.remove(i);
                } else {
                    metadata.set(i, m.at(new DeveloperMetadata.OnDimension(d.sheetId(), d.rows(), index)));
                }
            }
        }
    }

    /**
     * createDeveloperMetadata. Google documents that a key and a visibility must always be given, that an
     * id is optional (else "randomly generated") and positive, and that a dimensionRange "must represent a
     * single row or column; it cannot be unbounded or span multiple rows or columns" (DeveloperMetadata,
     * DeveloperMetadataLocation). The wording of the refusals is the emulator's own.
     */
    private DeveloperMetadata createMetadata(SheetRequest.MetadataSpec spec) {
        if (spec.key() == null || spec.key().isEmpty()) {
            throw SheetsError.invalid("Developer metadata must always have a key specified.");
        }
        if (spec.visibility() == null) {
            throw SheetsError.invalid("Developer metadata must always have a visibility specified.");
        }
        DeveloperMetadata.Location location = location(spec.location());
        int id;
        if (spec.metadataId() != null) {
            id = spec.metadataId();
            if (id <= 0) {
                throw SheetsError.invalid("metadataId must be positive.");
            }
            if (metadata.stream().anyMatch(m -> m.metadataId() == id)) {
                throw SheetsError.invalid("Developer metadata with ID " + id + " already exists.");
            }
        } else {
            id = nextMetadataId();
        }
        DeveloperMetadata created = new DeveloperMetadata(id, spec.key(), spec.value(), location, spec.visibility());
        metadata.add(created);
        return created;
    }

    /** A random positive id, as Google assigns them, seeded so that the same history gives the same ids. */
    private int nextMetadataId() {
        java.util.Random random =
                new java.util.Random(spreadsheet.spreadsheetId().hashCode() * 31L + metadata.size());
        while (true) {
            int id = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            if (metadata.stream().noneMatch(m -> m.metadataId() == id)) {
                return id;
            }
        }
    }

    private DeveloperMetadata.Location location(SheetRequest.LocationSpec spec) {
        if (spec == null || spec.count() != 1) {
            throw SheetsError.invalid(
                    "Developer metadata must have exactly one location: spreadsheet, sheetId or" + " dimensionRange.");
        }
        if (spec.spreadsheet()) {
            return new DeveloperMetadata.OnSpreadsheet();
        }
        if (spec.sheetId() != null) {
            return new DeveloperMetadata.OnSheet(sheet(spec.sheetId()).sheetId());
        }
        SheetRequest.DimensionRange range = spec.dimensionRange();
        boolean rows = isRows(range, "location.dimensionRange");
        int[] span = span(range, "location.dimensionRange");
        if (span[1] - span[0] != 1) {
            throw SheetsError.invalid("The dimensionRange of developer metadata must be a single row or column, got ["
                    + span[0] + ", " + span[1] + ").");
        }
        Sheet sheet = sheet(range.sheetId());
        if (span[1] > (rows ? sheet.rowCount() : sheet.columnCount())) {
            throw outOfGrid(sheet, rows, span[0], span[1]);
        }
        return new DeveloperMetadata.OnDimension(sheet.sheetId(), rows, span[0]);
    }

    private Sheet sheet(int sheetId) {
        return draft.stream()
                .filter(s -> s.sheetId() == sheetId)
                .findFirst()
                .orElseThrow(() -> SheetsError.invalid("No grid with id: " + sheetId));
    }

    private static final Set<String> METADATA_FIELDS = Set.of("metadataKey", "metadataValue", "visibility", "location");

    /**
     * updateDeveloperMetadata: "Callers must specify the properties they wish to update in the fields
     * parameter, as well as specify at least one DataFilter matching the metadata they wish to update"
     * (UpdateDeveloperMetadataRequest). Changing ids is not supported.
     */
    private List<DeveloperMetadata> updateMetadata(SheetRequest.UpdateDeveloperMetadata r) {
        if (r.fields().isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        if (r.filters().isEmpty()) {
            throw SheetsError.invalid("At least one data filter must be specified.");
        }
        boolean all = r.fields().contains("*");
        for (String field : r.fields()) {
            if (!all && !METADATA_FIELDS.contains(field.replaceFirst("\\..*", ""))) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
        SheetRequest.MetadataSpec spec = r.metadata();
        boolean key = all || r.fields().contains("metadataKey");
        boolean value = all || r.fields().contains("metadataValue");
        boolean visibility = all || r.fields().contains("visibility");
        boolean where = all || r.fields().stream().anyMatch(f -> f.startsWith("location"));
        if (key && (spec.key() == null || spec.key().isEmpty())) {
            throw SheetsError.invalid("Developer metadata must always have a key specified.");
        }
        if (visibility && spec.visibility() == null) {
            throw SheetsError.invalid("Developer metadata must always have a visibility specified.");
        }
        DeveloperMetadata.Location newLocation = where ? location(spec.location()) : null;
        List<DeveloperMetadata> selected = new ArrayList<>();
        for (DataFilter filter : r.filters()) {
            for (DeveloperMetadata m : filter.metadata(draft, metadata)) {
                if (!selected.contains(m)) {
                    selected.add(m);
                }
            }
        }
        List<DeveloperMetadata> updated = new ArrayList<>();
        for (DeveloperMetadata m : selected) {
            DeveloperMetadata changed = new DeveloperMetadata(
                    m.metadataId(),
                    key ? spec.key() : m.key(),
                    value ? spec.value() : m.value(),
                    where ? newLocation : m.location(),
                    visibility ? spec.visibility() : m.visibility());
            metadata.set(metadata.indexOf(m), changed);
            updated.add(changed);
        }
        return updated;
    }

    private List<DeveloperMetadata> deleteMetadata(DataFilter filter) {
        if (filter == null) {
            throw SheetsError.invalid("dataFilter must be set.");
        }
        List<DeveloperMetadata> deleted = filter.metadata(draft, metadata);
        metadata.removeAll(deleted);
        return deleted;
    }

    /**
     * updateCells, as the UpdateCellsRequest documents it: with {@code start} only the data given is
     * written; with {@code range}, "If the data in rows does not cover the entire requested range, the
     * fields matching those set in fields will be cleared". Data larger than the range is refused (the
     * stricter reading; Google's exact answer is not documented).
     */
    private void updateCells(SheetRequest.UpdateCells r) {
        if (r.fields().isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        boolean all = r.fields().contains("*");
        for (String field : r.fields()) {
            if (!all && !CELL_FIELDS.contains(field)) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
        if ((r.start() == null) == (r.range() == null)) {
            throw SheetsError.invalid("Exactly one of start or range must be set.");
        }
        int height = r.rows().size();
        int width = r.rows().stream().mapToInt(List::size).max().orElse(0);
        GridRect area;
        Sheet sheet;
        if (r.start() != null) {
            sheet = writable(r.start().sheetId());
            int r0 = r.start().startRowIndex() == null ? 0 : r.start().startRowIndex();
            int c0 = r.start().startColumnIndex() == null ? 0 : r.start().startColumnIndex();
            area = new GridRect(sheet.title(), r0, c0, r0 + height, c0 + width);
            if (area.isEmpty()) {
                return;
            }
            area.requireInGrid(sheet);
        } else {
            sheet = writable(r.range().sheetId());
            area = rect(sheet, r.range());
            if (height > area.rows() || width > area.columns()) {
                throw SheetsError.invalid(
                        "The rows given (" + height + " x " + width + ") do not fit the range " + area.a1() + ".");
            }
        }
        boolean setValue = all || r.fields().contains("userEnteredValue");
        boolean setFormat = all || r.fields().stream().anyMatch(f -> f.startsWith("userEnteredFormat"));
        for (int row = area.startRow(); row < area.endRow(); row++) {
            List<SheetRequest.CellEdit> line =
                    row - area.startRow() < height ? r.rows().get(row - area.startRow()) : List.of();
            for (int column = area.startColumn(); column < area.endColumn(); column++) {
                int index = column - area.startColumn();
                SheetRequest.CellEdit edit = index < line.size() ? line.get(index) : null;
                if (edit == null && r.start() != null) {
                    continue;
                }
                Cell old = sheet.cell(row, column);
                CellValue value = setValue ? (edit == null ? null : edit.value()) : (old == null ? null : old.value());
                NumberFormat format =
                        setFormat ? (edit == null ? null : edit.format()) : (old == null ? null : old.format());
                sheet.set(row, column, Cell.of(value, format));
            }
        }
    }

    private Sheet addSheet(SheetRequest.AddSheet r) {
        int rows = r.rowCount() == null ? 1000 : r.rowCount();
        int columns = r.columnCount() == null ? 26 : r.columnCount();
        if (rows < 1 || columns < 1) {
            throw SheetsError.invalid("A sheet must have at least one row and one column.");
        }
        CellLimit.check(cellCount() + (long) rows * columns);
        int sheetId;
        if (r.sheetId() != null) {
            sheetId = r.sheetId();
            if (draft.stream().anyMatch(s -> s.sheetId() == sheetId)) {
                throw SheetsError.invalid("A sheet with id " + sheetId + " already exists.");
            }
        } else {
            sheetId = SheetIds.next(spreadsheet.spreadsheetId(), draft);
        }
        String title = r.title() != null ? r.title() : defaultTitle();
        Sheet sheet = new Sheet(sheetId, title, rows, columns, 0);
        rename(sheet, title);
        copied.add(sheet);
        draft.add(sheet);
        int frozen = r.frozenRowCount() == null ? 0 : r.frozenRowCount();
        if (frozen >= rows) {
            throw SheetsError.invalid("You can't freeze all visible rows on the sheet.");
        }
        sheet.freezeRows(frozen);
        if (r.index() != null) {
            move(sheet, r.index());
        }
        return sheet;
    }

    private String defaultTitle() {
        for (int n = draft.size() + 1; ; n++) {
            String title = "Sheet" + n;
            if (draft.stream().noneMatch(s -> s.title().equalsIgnoreCase(title))) {
                return title;
            }
        }
    }
}
