package com.spooltracker.extendschema.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds snapshots for planner tests: a header, a grid size, and which cells of which columns hold values. */
public final class SheetFixture {
    public static final List<String> V3_HEADER = v3Header();

    private final List<String> header;
    private String title = "Operaciones";
    private int rowCount = 1000;
    private int columnCount;
    private final Map<Integer, BitSet> filled = new HashMap<>();
    private final Map<Integer, BitSet> blank = new HashMap<>();

    private SheetFixture(List<String> header) {
        this.header = new ArrayList<>(header);
        this.columnCount = header.size();
    }

    public static SheetFixture v3() {
        return new SheetFixture(V3_HEADER);
    }

    public static SheetFixture withHeader(String... header) {
        return new SheetFixture(Arrays.asList(header));
    }

    public SheetFixture titled(String title) {
        this.title = title;
        return this;
    }

    public SheetFixture grid(int rows, int columns) {
        this.rowCount = rows;
        this.columnCount = columns;
        return this;
    }

    /** Marks key cells (column A) of 0-based rows {@code from..to} inclusive as filled. */
    public SheetFixture dataRows(int from, int to) {
        return filled(0, from, to);
    }

    public SheetFixture filled(int column, int fromRow, int toRow) {
        filled.computeIfAbsent(column, c -> new BitSet()).set(fromRow, toRow + 1);
        return this;
    }

    /** Marks a cell that holds something but shows blank text: {@code " "}, or a formula showing "". */
    public SheetFixture blankLooking(int column, int row) {
        filled(column, row, row);
        blank.computeIfAbsent(column, c -> new BitSet()).set(row);
        return this;
    }

    public SheetFixture header(int column, String name) {
        while (header.size() <= column) {
            header.add("");
        }
        header.set(column, name);
        return this;
    }

    /** A snapshot in which every column of the grid was read. */
    public SheetSnapshot snapshot() {
        Map<Integer, BitSet> read = new HashMap<>();
        Map<Integer, BitSet> shown = new HashMap<>();
        for (int c = 0; c < columnCount; c++) {
            BitSet rows = (BitSet) filled.getOrDefault(c, new BitSet()).clone();
            if (c < header.size() && !header.get(c).isBlank()) {
                rows.set(0);
            }
            read.put(c, rows);
            BitSet visible = (BitSet) rows.clone();
            visible.andNot(blank.getOrDefault(c, new BitSet()));
            shown.put(c, visible);
        }
        return new SheetSnapshot(title, 7, rowCount, columnCount, ColumnMap.of(header), read, shown);
    }

    private static List<String> v3Header() {
        List<String> names = new ArrayList<>(List.of(
                "TAG_SPOOL",
                "OT",
                "NV",
                "SPLIT",
                "Fecha_Materiales",
                "Fecha_Armado",
                "Armador",
                "Fecha_Soldadura",
                "Soldador",
                "Fecha_QC_Metrología",
                "Ocupado_Por",
                "Fecha_Ocupacion"));
        while (names.size() < 65) {
            names.add("Campo_" + (names.size() + 1));
        }
        names.add("version");
        names.add("Estado_Detalle");
        return List.copyOf(names);
    }
}
