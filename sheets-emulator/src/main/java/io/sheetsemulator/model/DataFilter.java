package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A DataFilter: developer metadata, an A1 range or a grid range
 * (developers.google.com/workspace/sheets/api/reference/rest/v4/DataFilter). It selects metadata (the
 * metadata a lookup matches, or the metadata on locations intersecting a range) and ranges of cells (a
 * range as given, or the cells of the matched metadata's locations).
 */
public sealed interface DataFilter {

    record Lookup(MetadataLookup lookup) implements DataFilter {}

    record A1(String a1Range) implements DataFilter {}

    record Grid(SheetRequest.GridRange range) implements DataFilter {}

    /** A range of cells a filter selected. */
    record Match(Sheet sheet, GridRect rect) {}

    /**
     * The metadata this filter selects, in the order given: what a lookup matches, or for a range the row,
     * column and sheet metadata whose location intersects it (developerMetadata.search: "all developer
     * metadata associated with locations intersecting that region").
     */
    default List<DeveloperMetadata> metadata(List<Sheet> sheets, List<DeveloperMetadata> all) {
        List<DeveloperMetadata> out = new ArrayList<>();
        if (this instanceof Lookup l) {
            for (DeveloperMetadata m : all) {
                if (l.lookup().matches(m)) {
                    out.add(m);
                }
            }
            return out;
        }
        List<Match> ranges = ranges(sheets, all);
        for (DeveloperMetadata m : all) {
            if (m.location() instanceof DeveloperMetadata.OnSpreadsheet) {
                continue; // on no cells, so no range intersects it
            }
            Region where = Region.of(m.location());
            if (ranges.stream()
                    .anyMatch(r -> Region.of(r.sheet().sheetId(), r.rect()).intersects(where))) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The ranges of cells this filter selects. For metadata on a row or column that is the whole row or
     * column (rows 1..rowCount of a column), on a sheet the whole sheet; spreadsheet-level metadata names no
     * cells (the emulator's reading: no range of one sheet stands for it). Several matched metadata on one
     * location give that range once.
     */
    default List<Match> ranges(List<Sheet> sheets, List<DeveloperMetadata> all) {
        List<Match> out = new ArrayList<>();
        if (this instanceof A1 a1) {
            A1Range range = A1Range.parse(a1.a1Range());
            Sheet sheet = sheetFor(sheets, range, a1.a1Range());
            out.add(new Match(sheet, range.clampedTo(sheet)));
        } else if (this instanceof Grid grid) {
            Sheet sheet = sheets.stream()
                    .filter(s -> s.sheetId() == grid.range().sheetId())
                    .findFirst()
                    .orElseThrow(() -> SheetsError.invalid(
                            "No grid with id: " + grid.range().sheetId()));
            out.add(new Match(sheet, BatchUpdate.rect(sheet, grid.range())));
        } else {
            for (DeveloperMetadata m : metadata(sheets, all)) {
                Match match = cellsOf(sheets, m.location());
                if (match != null && !out.contains(match)) {
                    out.add(match);
                }
            }
        }
        return out;
    }

    private static Sheet sheetFor(List<Sheet> sheets, A1Range range, String text) {
        if (range.sheetTitle() == null) {
            if (sheets.isEmpty()) {
                throw SheetsError.unparsableRange(text);
            }
            return sheets.get(0);
        }
        return sheets.stream()
                .filter(s -> s.title().equalsIgnoreCase(range.sheetTitle()))
                .findFirst()
                .orElseThrow(() -> SheetsError.unparsableRange(text));
    }

    private static Match cellsOf(List<Sheet> sheets, DeveloperMetadata.Location location) {
        if (location instanceof DeveloperMetadata.OnSpreadsheet) {
            return null;
        }
        int sheetId = location instanceof DeveloperMetadata.OnSheet s
                ? s.sheetId()
                : ((DeveloperMetadata.OnDimension) location).sheetId();
        Sheet sheet =
                sheets.stream().filter(s -> s.sheetId() == sheetId).findFirst().orElse(null);
        if (sheet == null) {
            return null;
        }
        GridRect rect;
        if (location instanceof DeveloperMetadata.OnDimension d) {
            rect = d.rows()
                    ? new GridRect(sheet.title(), d.index(), 0, d.index() + 1, sheet.columnCount())
                    : new GridRect(sheet.title(), 0, d.index(), sheet.rowCount(), d.index() + 1);
        } else {
            rect = new GridRect(sheet.title(), 0, 0, sheet.rowCount(), sheet.columnCount());
        }
        return new Match(sheet, rect);
    }
}
