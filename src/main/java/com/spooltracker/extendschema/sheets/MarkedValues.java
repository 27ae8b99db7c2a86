package com.spooltracker.extendschema.sheets;

import com.spooltracker.extendschema.schema.ColumnLetters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code values.batchGetByDataFilter} answer to a read of a sheet's header row, of columns by
 * position and of the columns marks select ({@link SheetsGateway#readMarkedValues}): the header row
 * (the range from A1 that is one row high), and each whole column, by the 0-based position its
 * matched A1 range names.
 *
 * @param header the header row, column-major: one one-cell column per header cell
 * @param columns the cells below the header of each marked column, by 0-based column
 */
public record MarkedValues(List<List<Object>> header, Map<Integer, List<Object>> columns) {
    private static final Pattern CELLS = Pattern.compile("([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?");

    public MarkedValues {
        header = List.copyOf(header);
        columns = Map.copyOf(columns);
    }

    static MarkedValues of(List<ValueColumns.Matched> matched, String title) {
        List<List<Object>> header = null;
        Map<Integer, List<Object>> columns = new HashMap<>();
        for (ValueColumns.Matched range : matched) {
            int bang = range.a1().lastIndexOf('!');
            if (bang < 0) {
                throw new IllegalStateException("a matched range '" + range.a1() + "' names no sheet");
            }
            if (!title.equals(unquoted(range.a1().substring(0, bang)))) {
                continue;
            }
            Matcher cells = CELLS.matcher(range.a1().substring(bang + 1));
            if (!cells.matches()) {
                throw new IllegalStateException("a matched range '" + range.a1() + "' is not a range of cells");
            }
            int first = ColumnLetters.indexOf(cells.group(1));
            int last = cells.group(3) == null ? first : ColumnLetters.indexOf(cells.group(3));
            boolean oneRow = cells.group(4) == null || cells.group(4).equals("1");
            if (!cells.group(2).equals("1")) {
                continue;
            }
            if (first == 0 && oneRow && header == null) {
                header = range.columns();
                continue;
            }
            if (first != last) {
                continue;
            }
            List<Object> column =
                    range.columns().isEmpty() ? List.of() : range.columns().get(0);
            columns.put(first, column.size() <= 1 ? List.of() : column.subList(1, column.size()));
        }
        if (header == null) {
            throw new IllegalStateException("the answer leaves out the header row of '" + title + "'");
        }
        return new MarkedValues(header, columns);
    }

    /** A sheet title as an A1 range names it: quoted, apostrophes doubled, when it must be. */
    private static String unquoted(String sheet) {
        return sheet.startsWith("'") && sheet.endsWith("'") && sheet.length() >= 2
                ? sheet.substring(1, sheet.length() - 1).replace("''", "'")
                : sheet;
    }
}
