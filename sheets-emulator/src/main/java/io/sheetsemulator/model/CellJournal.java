package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The entered values an API request changed, noted as {@link Sheet#set} runs. Open only while the wire
 * layer serves a request; a thread-local because every write of a request happens on its serving thread
 * under the spreadsheet's lock, and a seed or a person's edit, which write on other paths or with no
 * journal open, must not be noted.
 */
public final class CellJournal {

    private static final ThreadLocal<List<Change>> OPEN = new ThreadLocal<>();

    /** One cell whose entered value changed; null for "none" (an array formula's output counts as none). */
    public record Change(String sheetTitle, int row, int column, CellValue before, CellValue after) {}

    private CellJournal() {}

    /** Starts noting changes on this thread; any earlier unfinished journal is dropped. */
    public static void open() {
        OPEN.set(new ArrayList<>());
    }

    /** Stops noting and returns what was noted, in order. */
    public static List<Change> close() {
        List<Change> changes = OPEN.get();
        OPEN.remove();
        return changes == null ? List.of() : changes;
    }

    static void note(Sheet sheet, int row, int column, Cell before, Cell after) {
        List<Change> changes = OPEN.get();
        if (changes == null) {
            return;
        }
        CellValue was = entered(before);
        CellValue now = entered(after);
        if (was == null ? now != null : !was.equals(now)) {
            changes.add(new Change(sheet.title(), row, column, before == null ? null : before.value(), now));
        }
    }

    private static CellValue entered(Cell cell) {
        if (cell == null || cell.value() instanceof CellValue.ArrayOutput) {
            return null;
        }
        return cell.value();
    }
}
