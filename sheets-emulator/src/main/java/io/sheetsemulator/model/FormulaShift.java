package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the references in a formula's text after rows or columns of a sheet were inserted, deleted or
 * moved, the way the Sheets editor does: a reference at or after an insertion point moves (absolute
 * {@code $} references too, since {@code $} only fixes a reference against copying, not against
 * structural edits), a range that spans an insertion grows, a range losing some of its rows shrinks, a
 * reference whose cells are all deleted becomes {@code #REF!}, and a whole-column reference
 * ({@code $D:$D}) is unchanged by a row edit (and a whole-row one by a column edit). The rest of the text,
 * string literals included, is kept as typed. Works on the text, so formulas outside the evaluated subset
 * are rewritten too.
 */
public final class FormulaShift {

    static final String REF_ERROR = "#REF!";

    private static final String COL = "\\$?[A-Za-z]{1,3}";
    private static final String ROW = "\\$?[0-9]{1,9}";
    private static final Pattern REFERENCE = Pattern.compile("(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(" + COL
            + ROW + "(?::" + COL + "(?:" + ROW + ")?)?|" + COL + ":" + COL + "|" + ROW + ":" + ROW + ")");
    private static final Pattern PART = Pattern.compile("(\\$?)([A-Za-z]*)(\\$?)([0-9]*)");

    private FormulaShift() {}

    /**
     * Rewrites the formulas of every sheet in {@code sheets} that point at the sheet titled
     * {@code shiftedTitle}, storing each changed one in the sheet {@code writable} gives for its id (the sheet
     * itself, or a batch's copy of it).
     */
    static void rewriteAll(List<Sheet> sheets, String shiftedTitle, GridShift shift, IntFunction<Sheet> writable) {
        for (Sheet host : sheets) {
            List<int[]> at = new ArrayList<>();
            List<CellValue.Formula> rewritten = new ArrayList<>();
            host.forEachFormula((row, column, formula) -> {
                String text = rewrite(formula.formula(), host.title(), shiftedTitle, shift);
                if (!text.equals(formula.formula())) {
                    at.add(new int[] {row, column});
                    rewritten.add(new CellValue.Formula(text));
                }
            });
            if (!at.isEmpty()) {
                Sheet target = writable.apply(host.sheetId());
                for (int i = 0; i < at.size(); i++) {
                    target.replaceValue(at.get(i)[0], at.get(i)[1], rewritten.get(i));
                }
            }
        }
    }

    /**
     * {@code formula} (with its leading {@code =}) as it reads after {@code shift}, for a formula on the
     * sheet titled {@code hostTitle} when the shifted sheet is titled {@code shiftedTitle}.
     */
    public static String rewrite(String formula, String hostTitle, String shiftedTitle, GridShift shift) {
        StringBuilder out = new StringBuilder(formula.length());
        Matcher m = REFERENCE.matcher(formula);
        int i = 0;
        while (i < formula.length()) {
            char c = formula.charAt(i);
            if (c == '"') {
                int end = endOfString(formula, i);
                out.append(formula, i, end);
                i = end;
                continue;
            }
            if (startsToken(formula, i) && m.region(i, formula.length()).lookingAt() && endsToken(formula, m.end())) {
                String sheet = m.group(1);
                String target = sheet == null ? hostTitle : unquote(sheet);
                if (target.toLowerCase(Locale.ROOT).equals(shiftedTitle.toLowerCase(Locale.ROOT))) {
                    String cells = shiftCells(m.group(2), shift);
                    out.append(cells == null ? REF_ERROR : (sheet == null ? "" : sheet + "!") + cells);
                } else {
                    out.append(m.group());
                }
                i = m.end();
                continue;
            }
            // Copy a whole word, so that the tail of a name (SUM1X, A1B) is never taken for a reference.
            int end = i + 1;
            if (isWordChar(c)) {
                while (end < formula.length() && isWordChar(formula.charAt(end))) {
                    end++;
                }
            }
            out.append(formula, i, end);
            i = end;
        }
        return out.toString();
    }

    private static int endOfString(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    private static boolean startsToken(String text, int i) {
        return i == 0 || !(isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '\'');
    }

    private static boolean endsToken(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return !(isWordChar(c) || c == '(' || c == '!' || c == ':');
    }

    private static String unquote(String sheet) {
        return sheet.startsWith("'") ? sheet.substring(1, sheet.length() - 1).replace("''", "'") : sheet;
    }

    /** The cell part after the shift, or null when every cell it named was deleted. */
    private static String shiftCells(String cells, GridShift shift) {
        int colon = cells.indexOf(':');
        Part start = Part.of(colon < 0 ? cells : cells.substring(0, colon));
        Part end = colon < 0 ? null : Part.of(cells.substring(colon + 1));
        boolean rows = shift.rows();
        if (end == null) {
            int index = rows ? start.row : start.column;
            int moved = shift.map(index);
            if (moved < 0) {
                return null;
            }
            return (rows ? start.withRow(moved) : start.withColumn(moved)).text();
        }
        int a = rows ? start.row : start.column;
        int b = rows ? end.row : end.column;
        if (a < 0 && b < 0) {
            return cells; // a whole-column reference on a row edit, or a whole-row one on a column edit
        }
        int[] span = span(a < 0 ? 0 : a, b < 0 ? Integer.MAX_VALUE : b, shift);
        if (span == null) {
            return null;
        }
        Part newStart = a < 0 ? start : rows ? start.withRow(span[0]) : start.withColumn(span[0]);
        Part newEnd = b < 0 ? end : rows ? end.withRow(span[1]) : end.withColumn(span[1]);
        return newStart.text() + ":" + newEnd.text();
    }

    /** The first and last index of the range [a, b] after the shift; null if all of it was deleted. */
    private static int[] span(int a, int b, GridShift shift) {
        boolean open = b == Integer.MAX_VALUE;
        if (shift instanceof GridShift.Insert insert) {
            return new int[] {insert.map(a), open ? b : insert.map(b)};
        }
        if (shift instanceof GridShift.Delete delete) {
            int s = delete.start();
            int e = delete.end();
            if (a >= s && b < e) {
                return null;
            }
            int newA = a < s ? a : a >= e ? a - (e - s) : s;
            int newB = open ? b : b >= e ? b - (e - s) : b < s ? b : s - 1;
            return new int[] {newA, newB};
        }
        GridShift.Move move = (GridShift.Move) shift;
        boolean aMoved = a >= move.start() && a < move.end();
        boolean bMoved = !open && b >= move.start() && b < move.end();
        if (aMoved && bMoved) {
            return new int[] {move.map(a), move.map(b)};
        }
        // An end that moved away leaves the range; the range keeps the nearest end that stayed.
        int newA = aMoved ? move.map(move.end()) : move.map(a);
        int newB = open ? b : bMoved ? move.map(move.start() - 1) : move.map(b);
        return newA <= newB ? new int[] {newA, newB} : new int[] {newB, newA};
    }

    /** One side of a cell part: column and row indexes (-1 when absent) and their {@code $} marks. */
    private record Part(boolean columnFixed, int column, boolean rowFixed, int row) {
        static Part of(String text) {
            Matcher m = PART.matcher(text);
            if (!m.matches()) {
                throw new IllegalStateException(text);
            }
            int column = m.group(2).isEmpty() ? -1 : ColumnLetters.toIndex(m.group(2));
            int row = m.group(4).isEmpty() ? -1 : Integer.parseInt(m.group(4)) - 1;
            // "$5" in a whole-row reference: the $ belongs to the row.
            boolean rowOnly = m.group(2).isEmpty();
            return new Part(
                    !rowOnly && !m.group(1).isEmpty(),
                    column,
                    rowOnly
                            ? !m.group(1).isEmpty() || !m.group(3).isEmpty()
                            : !m.group(3).isEmpty(),
                    row);
        }

        Part withRow(int newRow) {
            return new Part(columnFixed, column, rowFixed, newRow);
        }

        Part withColumn(int newColumn) {
            return new Part(columnFixed, newColumn, rowFixed, row);
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            if (column >= 0) {
                sb.append(columnFixed ? "$" : "").append(ColumnLetters.of(column));
            }
            if (row >= 0) {
                sb.append(rowFixed ? "$" : "").append(row + 1);
            }
            return sb.toString();
        }
    }
}
