package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;

/**
 * One tab: its properties and a sparse grid. Rows are stored as arrays of cells (null for empty),
 * trimmed on the right; a missing or null row is empty. Not thread-safe: callers hold the
 * spreadsheet's lock.
 */
public final class Sheet {

    private final int sheetId;
    private String title;
    private int rowCount;
    private int columnCount;
    private int frozenRowCount;
    private final ArrayList<Cell[]> rows = new ArrayList<>();

    public Sheet(int sheetId, String title, int rowCount, int columnCount, int frozenRowCount) {
        this.sheetId = sheetId;
        this.title = title;
        this.rowCount = rowCount;
        this.columnCount = columnCount;
        this.frozenRowCount = frozenRowCount;
    }

    public int sheetId() {
        return sheetId;
    }

    public String title() {
        return title;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columnCount;
    }

    public int frozenRowCount() {
        return frozenRowCount;
    }

    public long cellCount() {
        return (long) rowCount * columnCount;
    }

    public void rename(String newTitle) {
        this.title = newTitle;
    }

    public void freezeRows(int count) {
        this.frozenRowCount = count;
    }

    public Cell cell(int row, int column) {
        if (row >= rows.size()) {
            return null;
        }
        Cell[] cells = rows.get(row);
        return cells == null || column >= cells.length ? null : cells[column];
    }

    public CellValue value(int row, int column) {
        Cell cell = cell(row, column);
        return cell == null ? null : cell.value();
    }

    /** Sets one cell; null (or a cell with neither value nor format) empties it. */
    public void set(int row, int column, Cell cell) {
        if (cell instanceof Cell.Formatted f && f.value() == null && f.format() == null) {
            cell = null;
        }
        CellJournal.note(this, row, column, cell(row, column), cell);
        if (cell == null) {
            if (row < rows.size() && rows.get(row) != null && column < rows.get(row).length) {
                rows.get(row)[column] = null;
            }
            return;
        }
        while (rows.size() <= row) {
            rows.add(null);
        }
        Cell[] cells = rows.get(row);
        if (cells == null) {
            cells = new Cell[Math.min(columnCount, Math.max(column + 1, 8))];
            rows.set(row, cells);
        } else if (cells.length <= column) {
            cells = Arrays.copyOf(cells, Math.min(columnCount, Math.max(column + 1, cells.length * 2)));
            rows.set(row, cells);
        }
        cells[column] = cell;
    }

    /** The number of rows up to the last one holding a value (formats alone do not count). */
    public int lastValueRow(int fromColumn, int toColumn) {
        for (int r = rows.size() - 1; r >= 0; r--) {
            if (rowHasValue(r, fromColumn, toColumn)) {
                return r + 1;
            }
        }
        return 0;
    }

    public boolean rowHasValue(int row, int fromColumn, int toColumn) {
        if (row >= rows.size() || rows.get(row) == null) {
            return false;
        }
        Cell[] cells = rows.get(row);
        for (int c = fromColumn; c < Math.min(toColumn, cells.length); c++) {
            if (cells[c] != null && cells[c].value() != null) {
                return true;
            }
        }
        return false;
    }

    /** The number of rows up to the last one holding any cell (value or format). */
    public int lastCellRow() {
        for (int r = rows.size() - 1; r >= 0; r--) {
            Cell[] cells = rows.get(r);
            if (cells != null) {
                for (Cell cell : cells) {
                    if (cell != null) {
                        return r + 1;
                    }
                }
            }
        }
        return 0;
    }

    /** Changes the grid size; cells cut off by a shrink are deleted. */
    public void resize(int newRowCount, int newColumnCount) {
        while (rows.size() > newRowCount) {
            rows.remove(rows.size() - 1);
        }
        if (newColumnCount < columnCount) {
            for (int r = 0; r < rows.size(); r++) {
                Cell[] cells = rows.get(r);
                if (cells != null && cells.length > newColumnCount) {
                    rows.set(r, Arrays.copyOf(cells, newColumnCount));
                }
            }
        }
        this.rowCount = newRowCount;
        this.columnCount = newColumnCount;
        if (frozenRowCount >= newRowCount) {
            frozenRowCount = Math.max(0, newRowCount - 1);
        }
    }

    /** Inserts {@code count} empty rows before {@code at}, growing the grid. */
    public void insertRows(int at, int count) {
        if (at < rows.size()) {
            rows.addAll(at, Collections.nCopies(count, null));
        }
        rowCount += count;
    }

    /**
     * Applies an insert, delete or move of rows or columns: cells (values and formats, array-formula
     * anchors and outputs alike) move with their row or column and the grid grows or shrinks. Inserted
     * cells take the number formats of the row or column before them ({@code inheritFromBefore}) or
     * after them, as InsertDimensionRequest documents for "dimension properties"
     * (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest).
     * Frozen rows grow with rows inserted among them and shrink with rows deleted from them.
     */
    public void apply(GridShift shift, boolean inheritFromBefore) {
        if (shift.rows()) {
            shiftRows(shift, inheritFromBefore);
        } else {
            shiftColumns(shift, inheritFromBefore);
        }
    }

    private void shiftRows(GridShift shift, boolean inheritFromBefore) {
        if (shift instanceof GridShift.Insert insert) {
            int source = inheritFromBefore ? insert.at() - 1 : insert.at();
            Cell[] model = source >= 0 && source < rows.size() ? rows.get(source) : null;
            if (insert.at() < rows.size()) {
                rows.addAll(insert.at(), Collections.nCopies(insert.count(), null));
            }
            rowCount += insert.count();
            if (insert.at() < frozenRowCount) {
                frozenRowCount += insert.count();
            }
            if (model != null) {
                for (int r = insert.at(); r < insert.at() + insert.count(); r++) {
                    for (int c = 0; c < model.length; c++) {
                        if (model[c] != null && model[c].format() != null) {
                            set(r, c, Cell.of(null, model[c].format()));
                        }
                    }
                }
            }
        } else if (shift instanceof GridShift.Delete delete) {
            if (delete.start() < rows.size()) {
                rows.subList(delete.start(), Math.min(delete.end(), rows.size()))
                        .clear();
            }
            rowCount -= delete.end() - delete.start();
            frozenRowCount -= Math.max(0, Math.min(frozenRowCount, delete.end()) - delete.start());
        } else {
            ArrayList<Cell[]> moved = new ArrayList<>(Collections.nCopies(rows.size(), null));
            for (int r = 0; r < rows.size(); r++) {
                int to = shift.map(r);
                while (moved.size() <= to) {
                    moved.add(null);
                }
                moved.set(to, rows.get(r));
            }
            rows.clear();
            rows.addAll(moved);
        }
    }

    private void shiftColumns(GridShift shift, boolean inheritFromBefore) {
        int newColumnCount = columnCount;
        if (shift instanceof GridShift.Insert insert) {
            newColumnCount += insert.count();
        } else if (shift instanceof GridShift.Delete delete) {
            newColumnCount -= delete.end() - delete.start();
        }
        for (int r = 0; r < rows.size(); r++) {
            Cell[] cells = rows.get(r);
            if (cells == null) {
                continue;
            }
            Cell model = null;
            int length = 0;
            if (shift instanceof GridShift.Insert insert) {
                int source = inheritFromBefore ? insert.at() - 1 : insert.at();
                model = source >= 0 && source < cells.length ? cells[source] : null;
                if (model != null && model.format() != null) {
                    length = insert.at() + insert.count();
                }
            }
            for (int c = 0; c < cells.length; c++) {
                int to = shift.map(c);
                if (to >= 0 && cells[c] != null) {
                    length = Math.max(length, to + 1);
                }
            }
            Cell[] shifted = new Cell[length];
            for (int c = 0; c < cells.length; c++) {
                int to = shift.map(c);
                if (to >= 0 && cells[c] != null) {
                    shifted[to] = cells[c];
                }
            }
            if (shift instanceof GridShift.Insert insert && model != null && model.format() != null) {
                for (int c = insert.at(); c < insert.at() + insert.count(); c++) {
                    shifted[c] = Cell.of(null, model.format());
                }
            }
            rows.set(r, shifted);
        }
        columnCount = newColumnCount;
    }

    /** Replaces one cell's stored value as is, keeping its format: for rewriting formulas in place. */
    public void replaceValue(int row, int column, CellValue value) {
        Cell old = cell(row, column);
        Cell[] cells = rows.get(row);
        cells[column] = Cell.of(value, old == null ? null : old.format());
    }

    /** Visits every cell holding a formula, in row order. */
    public void forEachFormula(FormulaVisitor visitor) {
        for (int r = 0; r < rows.size(); r++) {
            Cell[] cells = rows.get(r);
            if (cells == null) {
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null && cells[c].value() instanceof CellValue.Formula f) {
                    visitor.visit(r, c, f);
                }
            }
        }
    }

    /** Receives the formulas of {@link #forEachFormula}. */
    @FunctionalInterface
    public interface FormulaVisitor {
        void visit(int row, int column, CellValue.Formula formula);
    }

    /** A copy with the same id, properties and cells (cells are immutable and shared). */
    public Sheet copy() {
        Sheet copy = new Sheet(sheetId, title, rowCount, columnCount, frozenRowCount);
        for (Cell[] cells : rows) {
            copy.rows.add(cells == null ? null : cells.clone());
        }
        return copy;
    }
}
