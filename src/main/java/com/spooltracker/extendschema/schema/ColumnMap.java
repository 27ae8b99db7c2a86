package com.spooltracker.extendschema.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A sheet's header row as v3.0 code sees it: normalized header name → 0-based column index.
 * Built from the raw header cells; blank cells are not names. Where a name appears more than once,
 * {@link #indexOf} answers the first position (as a left-to-right lookup does) and
 * {@link #positionsOf} answers all of them.
 */
public final class ColumnMap {
    private final List<String> headers;
    private final Map<String, List<Integer>> positionsByName;
    private final int width;

    private ColumnMap(List<String> headers) {
        this.headers = List.copyOf(headers);
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        int last = -1;
        for (int i = 0; i < this.headers.size(); i++) {
            String name = HeaderName.normalize(this.headers.get(i));
            if (!name.isEmpty()) {
                positions.computeIfAbsent(name, n -> new ArrayList<>()).add(i);
                last = i;
            }
        }
        positions.replaceAll((name, list) -> List.copyOf(list));
        this.positionsByName = Collections.unmodifiableMap(positions);
        this.width = last + 1;
    }

    /** @param headerRow the header cells from column A on; null or blank cells are allowed. */
    public static ColumnMap of(List<String> headerRow) {
        List<String> cells = new ArrayList<>(headerRow.size());
        for (String cell : headerRow) {
            cells.add(cell == null ? "" : cell);
        }
        return new ColumnMap(cells);
    }

    /** The raw header cells as read, trailing blanks included. */
    public List<String> headers() {
        return headers;
    }

    /** One past the last non-empty header cell: where appended columns start. 0 for an empty header row. */
    public int width() {
        return width;
    }

    public boolean isEmpty() {
        return width == 0;
    }

    /** The first 0-based index whose header normalizes to the same name as {@code header}. */
    public OptionalInt indexOf(String header) {
        List<Integer> positions = positionsOf(header);
        return positions.isEmpty() ? OptionalInt.empty() : OptionalInt.of(positions.get(0));
    }

    /** Every 0-based index whose header normalizes to the same name as {@code header}, in order. */
    public List<Integer> positionsOf(String header) {
        return positionsByName.getOrDefault(HeaderName.normalize(header), List.of());
    }

    /** Normalized name → first 0-based index, in column order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        positionsByName.forEach((name, positions) -> map.put(name, positions.get(0)));
        return Collections.unmodifiableMap(map);
    }

    /** The header text at a 0-based index, or "" past the row. */
    public String headerAt(int index) {
        return index < headers.size() ? headers.get(index) : "";
    }

    /**
     * This header with each of {@code added}'s headers written at its index: the layout a sheet has
     * once a plan that adds them is applied.
     */
    public ColumnMap withAdded(List<Placement> added) {
        List<String> cells = new ArrayList<>(headers);
        for (Placement placement : added) {
            while (cells.size() <= placement.index()) {
                cells.add("");
            }
            cells.set(placement.index(), placement.spec().header());
        }
        return new ColumnMap(cells);
    }

    /** Two maps are the same layout when their non-blank header cells are the same text in the same columns. */
    public boolean sameLayoutAs(ColumnMap other) {
        return other != null
                && width == other.width
                && headers.subList(0, width).equals(other.headers.subList(0, other.width));
    }

    @Override
    public String toString() {
        return "ColumnMap" + asMap();
    }
}
