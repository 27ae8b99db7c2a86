package com.spooltracker.extendschema.schema;

import java.util.List;

/** The v4.0 metric columns, in the order they are appended after the v3.0 header. */
public final class SchemaV4 {
    /** v3.0 ends at column 67 ({@code Estado_Detalle}). */
    public static final int V3_COLUMN_COUNT = 67;

    public static final List<ColumnSpec> METRIC_COLUMNS = List.of(
            new ColumnSpec("Total_Uniones", ColumnType.INTEGER, 68),
            new ColumnSpec("Uniones_ARM_Completadas", ColumnType.INTEGER, 69),
            new ColumnSpec("Uniones_SOLD_Completadas", ColumnType.INTEGER, 70),
            new ColumnSpec("Pulgadas_ARM", ColumnType.DECIMAL, 71),
            new ColumnSpec("Pulgadas_SOLD", ColumnType.DECIMAL, 72));

    /** The value written into an empty metric cell of a data row: a spool with 0 unions is a v3.0 spool. */
    public static final int DEFAULT_VALUE = 0;

    private SchemaV4() {}
}
