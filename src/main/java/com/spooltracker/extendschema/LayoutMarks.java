package com.spooltracker.extendschema;

import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.HeaderName;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The layout marks that let a run on a new instance read a sheet at once whatever its layout: a run
 * on a new instance reads the columns where the tracker has them, and the columns these marks select.
 * So a column the run needs gets a mark only where it is not where the tracker has it; Google keeps
 * the mark on that column as columns are inserted, deleted or moved. Pure: which marks a header row
 * shows missing or misplaced, and which marks they replace.
 */
final class LayoutMarks {
    private LayoutMarks() {}

    /** Marks to put and the ids of the marks they replace, deleted first in the same update. */
    record Placement(List<ColumnMarks.Mark> marks, List<Integer> stale) {
        boolean isEmpty() {
            return marks.isEmpty();
        }

        Placement and(Placement other) {
            List<ColumnMarks.Mark> allMarks = new ArrayList<>(marks);
            allMarks.addAll(other.marks());
            List<Integer> allStale = new ArrayList<>(stale);
            allStale.addAll(other.stale());
            return new Placement(allMarks, allStale);
        }
    }

    /**
     * @param key the metadata key of the sheet's layout marks
     * @param header the sheet's header row
     * @param existing the sheet's marks under {@code key}, where the header row shows them
     * @param needed the headers whose columns runs read; the first column of each is marked
     * @param presumed the columns a run on a new instance reads anyway
     */
    static Placement missing(
            String key,
            int sheetId,
            ColumnMap header,
            List<ColumnAnchor> existing,
            List<String> needed,
            Collection<Integer> presumed) {
        List<ColumnMarks.Mark> marks = new ArrayList<>();
        List<Integer> stale = new ArrayList<>();
        for (String name : needed) {
            var column = header.indexOf(name);
            if (column.isEmpty() || presumed.contains(column.getAsInt())) {
                continue;
            }
            List<ColumnAnchor> same = existing.stream()
                    .filter(a -> HeaderName.normalize(a.header()).equals(HeaderName.normalize(name)))
                    .toList();
            if (!same.isEmpty() && same.stream().allMatch(a -> a.column() == column.getAsInt())) {
                continue;
            }
            marks.add(new ColumnMarks.Mark(key, sheetId, name, column.getAsInt()));
            same.forEach(mark -> stale.add(mark.metadataId()));
        }
        return new Placement(marks, stale);
    }
}
