package com.spooltracker.extendschema.sheets;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesByDataFilterRequest;
import com.google.api.services.sheets.v4.model.CreateDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.DataFilter;
import com.google.api.services.sheets.v4.model.DataFilterValueRange;
import com.google.api.services.sheets.v4.model.DeleteDeveloperMetadataRequest;
import com.google.api.services.sheets.v4.model.DeveloperMetadata;
import com.google.api.services.sheets.v4.model.DeveloperMetadataLocation;
import com.google.api.services.sheets.v4.model.DeveloperMetadataLookup;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.Request;
import com.spooltracker.extendschema.metrics.SheetNumber;
import com.spooltracker.extendschema.schema.ColumnAnchor;
import com.spooltracker.extendschema.schema.HeaderName;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.zip.CRC32;

/**
 * The requests that put the function's marks on columns and write cells through them.
 *
 * <p>A mark is developer metadata on one column. Google keeps it on that column as columns are
 * inserted, deleted or moved ("if developer metadata is associated with row 5 and another row is then
 * subsequently inserted above row 5, that original metadata will still be associated with the row it
 * was first associated with", developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata),
 * and a {@code DataFilter} naming it selects that whole column. So a write through a mark lands in
 * the column the mark is on at the instant Google applies it, not at a letter computed from an
 * earlier read.
 *
 * <p>A column is written from row 1 down with JSON nulls for the cells left alone: "Null values will
 * be skipped" (ValueRange.values), and "if the provided values are less than the matched ranges only
 * the specified values are written" (DataFilterValueRange.values).
 */
public final class ColumnMarks {
    /** The part of a grid read's field mask that shows the marks on the columns of each block. */
    static final String FIELDS = "columnMetadata(developerMetadata(metadataId,metadataKey,metadataValue))";

    /**
     * A JSON null inside a list. The client drops a Java null from a list altogether, which would
     * shift every later cell up by one; this value is written as {@code null}.
     */
    private static final Object SKIP = Data.nullOf(Object.class);

    private ColumnMarks() {}

    /**
     * The developer metadata key of the marks that tell a new instance where the columns a run reads
     * of the migrated sheet are (its key, OT and metric columns), where they are not where the tracker
     * has them. Apart from {@link ColumnAnchor#KEY} (the marks writes go through), so that a lookup
     * of them selects no column a read already covers.
     */
    public static final String LAYOUT_KEY = "extendSchema.layoutColumn";

    /**
     * As {@link #LAYOUT_KEY}, for the source columns of {@code Uniones} (OT, DN_UNION, ARM_FECHA_FIN,
     * SOL_FECHA_FIN): a key of its own, so that a lookup of one sheet's marks selects none of the
     * other's columns.
     */
    public static final String UNIONES_KEY = "extendSchema.unionesColumn";

    /** A mark to put: the header it stands for and the 0-based column it goes on. */
    public record Place(String header, int column) {}

    /**
     * A mark to put on any sheet, under any of the function's keys: what {@link #placing(List, List)}
     * takes when one update marks columns of two sheets.
     */
    public record Mark(String key, int sheetId, String header, int column) {
        /** Its fixed id ({@link #idOf(String, int, String)}). */
        public int metadataId() {
            return idOf(key, sheetId, header);
        }
    }

    /**
     * Cells of one marked column to write, by 0-based row: numbers to set, and cells to empty.
     */
    public record MarkedCells(int metadataId, SortedMap<Integer, BigDecimal> numbers, SortedSet<Integer> clears) {
        public boolean isEmpty() {
            return numbers.isEmpty() && clears.isEmpty();
        }

        int lastRow() {
            return Math.max(numbers.isEmpty() ? -1 : numbers.lastKey(), clears.isEmpty() ? -1 : clears.last());
        }
    }

    /**
     * The id of the mark for {@code header} on sheet {@code sheetId}: fixed, so that no retry or second
     * run can put a second mark ("IDs may be specified when metadata is created", and must be positive).
     */
    public static int idOf(int sheetId, String header) {
        return idOf(ColumnAnchor.KEY, sheetId, header);
    }

    /** As {@link #idOf(int, String)}, for a mark under {@code key}; the same id under {@link ColumnAnchor#KEY}. */
    public static int idOf(String key, int sheetId, String header) {
        CRC32 crc = new CRC32();
        crc.update((key + "|" + sheetId + "|" + HeaderName.normalize(header)).getBytes(StandardCharsets.UTF_8));
        int id = (int) (crc.getValue() & 0x7fffffff);
        return id == 0 ? 1 : id;
    }

    /** Requests that delete the marks {@code stale} (by id) and put {@code marks} on sheet {@code sheetId}. */
    static List<Request> placing(int sheetId, List<Place> marks, List<Integer> stale) {
        return placing(
                marks.stream()
                        .map(p -> new Mark(ColumnAnchor.KEY, sheetId, p.header(), p.column()))
                        .toList(),
                stale);
    }

    /** Requests that delete the marks {@code stale} (by id), then put {@code marks}, on whichever sheets they name. */
    static List<Request> placing(List<Mark> marks, List<Integer> stale) {
        List<Request> requests = new ArrayList<>();
        for (int id : stale) {
            requests.add(new Request()
                    .setDeleteDeveloperMetadata(new DeleteDeveloperMetadataRequest()
                            .setDataFilter(new DataFilter()
                                    .setDeveloperMetadataLookup(new DeveloperMetadataLookup().setMetadataId(id)))));
        }
        for (Mark mark : marks) {
            requests.add(new Request()
                    .setCreateDeveloperMetadata(new CreateDeveloperMetadataRequest()
                            .setDeveloperMetadata(new DeveloperMetadata()
                                    .setMetadataId(mark.metadataId())
                                    .setMetadataKey(mark.key())
                                    .setMetadataValue(mark.header())
                                    .setVisibility("DOCUMENT")
                                    .setLocation(new DeveloperMetadataLocation()
                                            .setDimensionRange(new DimensionRange()
                                                    .setSheetId(mark.sheetId())
                                                    .setDimension("COLUMNS")
                                                    .setStartIndex(mark.column())
                                                    .setEndIndex(mark.column() + 1))))));
        }
        return requests;
    }

    /**
     * A filter that selects every column carrying a mark under {@code key}, each whole: "a
     * DeveloperMetadataLookup ... selects data associated with the developer metadata matching the
     * criteria", and the data of metadata on a column is that column (DataFilter,
     * developers.google.com/workspace/sheets/api/reference/rest/v4/DataFilter).
     */
    static DataFilter columnsMarkedWith(String key) {
        return new DataFilter()
                .setDeveloperMetadataLookup(
                        new DeveloperMetadataLookup().setMetadataKey(key).setLocationType("COLUMN"));
    }

    /** One {@code values.batchUpdateByDataFilter} per body of at most {@code maxBodyBytes}, columns kept whole. */
    public static List<BatchUpdateValuesByDataFilterRequest> writes(List<MarkedCells> columns, int maxBodyBytes) {
        List<DataFilterValueRange> ranges = columns.stream()
                .filter(column -> !column.isEmpty())
                .map(ColumnMarks::range)
                .toList();
        return WriteRequests.chunked(ranges, maxBodyBytes, ColumnMarks::request);
    }

    private static DataFilterValueRange range(MarkedCells column) {
        List<Object> cells = new ArrayList<>();
        int last = column.lastRow();
        for (int row = 0; row <= last; row++) {
            BigDecimal number = column.numbers().get(row);
            if (number != null) {
                cells.add(SheetNumber.wire(number));
            } else {
                // "To set a cell to an empty value, set the string value to an empty string" (ValueRange.values).
                cells.add(column.clears().contains(row) ? "" : SKIP);
            }
        }
        return new DataFilterValueRange()
                .setDataFilter(new DataFilter()
                        .setDeveloperMetadataLookup(new DeveloperMetadataLookup().setMetadataId(column.metadataId())))
                .setMajorDimension("COLUMNS")
                .setValues(List.of(cells));
    }

    private static BatchUpdateValuesByDataFilterRequest request(List<DataFilterValueRange> data) {
        return new BatchUpdateValuesByDataFilterRequest()
                .setValueInputOption("RAW")
                .setData(data);
    }
}
