package com.spooltracker.extendschema.migrations;

import java.util.List;
import java.util.Optional;

/**
 * One versioned migration file, as read: what Flyway calls a migration. Its checksum is of the
 * file's bytes (line endings normalized), so an edit after it was applied shows in {@code validate}.
 *
 * @param script the file name, e.g. {@code V4_0_1__operaciones_metrics.json}
 * @param metrics the metrics definition, when this file declares one (the latest such file wins)
 */
public record MigrationFile(
        Version version,
        String description,
        String script,
        long checksum,
        List<SheetChange> changes,
        Optional<MetricsDefinition> metrics) {
    public MigrationFile {
        changes = List.copyOf(changes);
    }

    /** The sheets this file writes to (adds columns). */
    public List<String> sheetsWritten() {
        return changes.stream()
                .filter(SheetChange::writes)
                .map(SheetChange::sheet)
                .distinct()
                .toList();
    }
}
