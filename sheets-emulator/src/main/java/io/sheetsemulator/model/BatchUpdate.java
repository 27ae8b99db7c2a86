package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.Collection;
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
    private final MetadataDraft metadata;

    private BatchUpdate(Spreadsheet spreadsheet) {
        this.spreadsheet = spreadsheet;
        this.draft = new ArrayList<>(spreadsheet.sheets());
        this.metadata = new MetadataDraft(spreadsheet);
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
        batch.metadata.commitTo(spreadsheet);
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
            return new BatchReply.CreateDeveloperMetadata(
                    metadata.create(r.metadata(), location(r.metadata().location())));
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
        int oldRows = sheet.rowCount();
        int oldColumns = sheet.columnCount();
        sheet.resize(rows, columns);
        // A smaller grid deletes the rows or columns cut off: formulas and metadata see a deleteDimension.
        if (rows < oldRows) {
            cutOff(sheet, new GridShift.Delete(sheet.sheetId(), true, rows, oldRows));
        }
        if (columns < oldColumns) {
            cutOff(sheet, new GridShift.Delete(sheet.sheetId(), false, columns, oldColumns));
        }
    }

    private void cutOff(Sheet sheet, GridShift.Delete shift) {
        FormulaShift.rewriteAll(List.copyOf(draft), sheet.title(), shift, this::writable);
        metadata.follow(shift);
    }

    /**
     * A request's {@code fields}: at least one, each supported here; returns whether it is {@code *} (every
     * field).
     */
    private static boolean checkFields(Collection<String> fields, Set<String> supported) {
        if (fields.isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        boolean all = fields.contains("*");
        for (String field : fields) {
            if (!all && !supported.contains(field)) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
        return all;
    }

    private void updateSheetProperties(SheetRequest.UpdateSheetProperties r) {
        boolean all = checkFields(r.fields(), SHEET_FIELDS);
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
        boolean all = checkFields(r.fields(), CELL_FIELDS);
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

    /**
     * Google's refusals, as reported from the live API: a start past the grid ("range.startIndex is larger
     * than current grid size (N)"), and a start at its end unless the new rows or columns inherit from the
     * ones before ("range.startIndex must be less than the grid size (N) if inheritFromBefore is false.").
     */
    private void insertDimension(SheetRequest.InsertDimension r) {
        DimensionSpan span = DimensionSpan.of(r.range(), "range");
        Sheet sheet = writable(span.sheetId());
        int size = span.size(sheet);
        if (span.start() > size) {
            throw SheetsError.invalid("range.startIndex is larger than current grid size (" + size + ")");
        }
        if (span.start() == size && !r.inheritFromBefore()) {
            throw SheetsError.invalid(
                    "range.startIndex must be less than the grid size (" + size + ") if inheritFromBefore is false.");
        }
        if (r.inheritFromBefore() && span.start() == 0) {
            // Documented: "True to inherit from the dimensions before (in which case the start index must be
            // greater than 0)"; the wording is the emulator's.
            throw SheetsError.invalid("Cannot insert at index 0 and inherit from the dimension before it.");
        }
        CellLimit.check(cellCount() + (long) span.count() * (span.rows() ? sheet.columnCount() : sheet.rowCount()));
        reshape(
                sheet,
                new GridShift.Insert(sheet.sheetId(), span.rows(), span.start(), span.count()),
                r.inheritFromBefore());
    }

    /**
     * Google's refusals, as reported from the live API: rows past the grid ("Cannot delete a row that doesn't
     * exist. Tried to delete row index 1372 but there are only 1372 rows."; the emulator names the first
     * index that does not exist), every row or column ("You can't delete all the rows on the sheet."), and
     * every row but frozen ones ("Sorry, it is not possible to delete all non-frozen rows.").
     */
    private void deleteDimension(SheetRequest.DeleteDimension r) {
        DimensionSpan span = DimensionSpan.of(r.range(), "range");
        Sheet sheet = writable(span.sheetId());
        int size = span.size(sheet);
        String noun = span.rows() ? "row" : "column";
        if (span.end() > size) {
            throw SheetsError.invalid("Cannot delete a " + noun + " that doesn't exist. Tried to delete " + noun
                    + " index " + Math.max(span.start(), size) + " but there are only " + size + " " + noun + "s.");
        }
        int left = size - span.count();
        if (left == 0) {
            throw SheetsError.invalid("You can't delete all the " + noun + "s on the sheet.");
        }
        int frozen = span.rows() ? sheet.frozenRowCount() : 0;
        int frozenLeft = frozen - Math.max(0, Math.min(frozen, span.end()) - span.start());
        if (left - frozenLeft < 1) {
            throw SheetsError.invalid("Sorry, it is not possible to delete all non-frozen " + noun + "s.");
        }
        reshape(sheet, new GridShift.Delete(sheet.sheetId(), span.rows(), span.start(), span.end()), false);
    }

    /**
     * destinationIndex is "the zero-based start index of where to move the source data to, based on the
     * coordinates *before* the source data is removed from the grid" (MoveDimensionRequest). A destination
     * inside the source leaves everything where it is.
     */
    private void moveDimension(SheetRequest.MoveDimension r) {
        DimensionSpan span = DimensionSpan.of(r.source(), "source");
        Sheet sheet = writable(span.sheetId());
        int size = span.size(sheet);
        if (span.end() > size) {
            throw span.outOfGrid(sheet);
        }
        if (r.destinationIndex() == null) {
            throw SheetsError.invalid("destinationIndex must be set");
        }
        int destination = r.destinationIndex();
        if (destination < 0 || destination > size) {
            throw new DimensionSpan(span.sheetId(), span.rows(), destination, destination + 1).outOfGrid(sheet);
        }
        reshape(sheet, new GridShift.Move(sheet.sheetId(), span.rows(), span.start(), span.end(), destination), false);
    }

    /** Moves the cells of {@code sheet}, then rewrites every formula of the spreadsheet that points there. */
    private void reshape(Sheet sheet, GridShift shift, boolean inheritFromBefore) {
        sheet.apply(shift, inheritFromBefore);
        FormulaShift.rewriteAll(List.copyOf(draft), sheet.title(), shift, this::writable);
        metadata.follow(shift);
    }

    /**
     * A checked metadata location. A dimensionRange "must represent a single row or column; it cannot be
     * unbounded or span multiple rows or columns" (DeveloperMetadataLocation); the wording is the emulator's.
     */
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
        DimensionSpan span = DimensionSpan.of(spec.dimensionRange(), "location.dimensionRange");
        if (span.count() != 1) {
            throw SheetsError.invalid("The dimensionRange of developer metadata must be a single row or column, got ["
                    + span.start() + ", " + span.end() + ").");
        }
        Sheet sheet = sheet(span.sheetId());
        if (span.end() > span.size(sheet)) {
            throw span.outOfGrid(sheet);
        }
        return new DeveloperMetadata.OnDimension(sheet.sheetId(), span.rows(), span.start());
    }

    private Sheet sheet(int sheetId) {
        return draft.stream()
                .filter(s -> s.sheetId() == sheetId)
                .findFirst()
                .orElseThrow(() -> SheetsError.invalid("No grid with id: " + sheetId));
    }

    /**
     * updateDeveloperMetadata: "Callers must specify the properties they wish to update in the fields
     * parameter, as well as specify at least one DataFilter matching the metadata they wish to update"
     * (UpdateDeveloperMetadataRequest). Changing ids is not supported.
     */
    private List<DeveloperMetadata> updateMetadata(SheetRequest.UpdateDeveloperMetadata r) {
        MetadataDraft.checkFields(r.fields());
        if (r.filters().isEmpty()) {
            throw SheetsError.invalid("At least one data filter must be specified.");
        }
        DeveloperMetadata.Location location = MetadataDraft.selects(r.fields(), "location")
                ? location(r.metadata().location())
                : null;
        List<DeveloperMetadata> selected = new ArrayList<>();
        for (DataFilter filter : r.filters()) {
            for (DeveloperMetadata m : filter.metadata(draft, metadata.all())) {
                if (!selected.contains(m)) {
                    selected.add(m);
                }
            }
        }
        return metadata.update(selected, r.metadata(), r.fields(), location);
    }

    private List<DeveloperMetadata> deleteMetadata(DataFilter filter) {
        if (filter == null) {
            throw SheetsError.invalid("dataFilter must be set.");
        }
        return metadata.delete(filter.metadata(draft, metadata.all()));
    }

    /**
     * updateCells, as the UpdateCellsRequest documents it: with {@code start} only the data given is
     * written; with {@code range}, "If the data in rows does not cover the entire requested range, the
     * fields matching those set in fields will be cleared". Data larger than the range is refused (the
     * stricter reading; Google's exact answer is not documented).
     */
    private void updateCells(SheetRequest.UpdateCells r) {
        boolean all = checkFields(r.fields(), CELL_FIELDS);
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
