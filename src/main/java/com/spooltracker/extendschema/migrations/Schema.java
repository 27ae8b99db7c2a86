package com.spooltracker.extendschema.migrations;

import com.spooltracker.extendschema.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The declared schema: every migration file, in version order. What a sheet must look like is the sum
 * of what the files declare for it; the history says which files were applied to a spreadsheet.
 */
public final class Schema {
    private final List<MigrationFile> files;

    private Schema(List<MigrationFile> files) {
        this.files = List.copyOf(files);
    }

    /** @param files in version order */
    public static Schema of(List<MigrationFile> files) {
        return new Schema(files);
    }

    private static volatile Schema shipped;

    /**
     * The migrations shipped in the function's resources, read once.
     *
     * @throws MigrationFiles.Invalid naming the file and the field, when one cannot be used
     */
    public static Schema shipped() {
        Schema schema = shipped;
        if (schema == null) {
            schema = of(MigrationFiles.shipped());
            shipped = schema;
        }
        return schema;
    }

    public List<MigrationFile> files() {
        return files;
    }

    /** The sheets the files name, in the order they first appear. */
    public List<String> sheets() {
        Set<String> sheets = new LinkedHashSet<>();
        for (MigrationFile file : files) {
            file.changes().forEach(change -> sheets.add(change.sheet()));
        }
        return List.copyOf(sheets);
    }

    /** The columns the files add to {@code sheet}, in version order. */
    public List<ColumnSpec> columnsOf(String sheet) {
        return columnsOf(sheet, files);
    }

    /** The columns {@code some} of the files add to {@code sheet}, in version order. */
    public static List<ColumnSpec> columnsOf(String sheet, List<MigrationFile> some) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (MigrationFile file : some) {
            for (SheetChange change : file.changes()) {
                if (change.sheet().equalsIgnoreCase(sheet)) {
                    columns.addAll(change.addColumns());
                }
            }
        }
        return columns;
    }

    /** The headers the files require of {@code sheet}. */
    public List<String> requiresOf(String sheet) {
        Set<String> requires = new LinkedHashSet<>();
        for (MigrationFile file : files) {
            for (SheetChange change : file.changes()) {
                if (change.sheet().equalsIgnoreCase(sheet)) {
                    requires.addAll(change.requires());
                }
            }
        }
        return List.copyOf(requires);
    }

    /** The key a file names for {@code sheet}'s data rows, the latest one. */
    public Optional<String> keyOf(String sheet) {
        Optional<String> key = Optional.empty();
        for (MigrationFile file : files) {
            for (SheetChange change : file.changes()) {
                if (change.sheet().equalsIgnoreCase(sheet) && change.key().isPresent()) {
                    key = change.key();
                }
            }
        }
        return key;
    }

    /** The metrics definition of the latest file that declares one; the tracker's (per OT) when none does. */
    public MetricsDefinition metrics() {
        MetricsDefinition metrics = MetricsDefinition.BY_OT;
        for (MigrationFile file : files) {
            if (file.metrics().isPresent()) {
                metrics = file.metrics().get();
            }
        }
        return metrics;
    }

    /** The files the history does not record, in version order. */
    public List<MigrationFile> pending(SchemaHistory history) {
        return files.stream()
                .filter(file -> history.of(file.version()).isEmpty())
                .toList();
    }
}
