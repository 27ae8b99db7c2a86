package com.spooltracker.extendschema;

import com.spooltracker.extendschema.migrations.AppliedMigration;
import com.spooltracker.extendschema.migrations.Finding;
import com.spooltracker.extendschema.migrations.MigrationFile;
import com.spooltracker.extendschema.migrations.Schema;
import com.spooltracker.extendschema.migrations.SchemaCheck;
import com.spooltracker.extendschema.migrations.SchemaHistory;
import com.spooltracker.extendschema.migrations.SheetNames;
import com.spooltracker.extendschema.migrations.Version;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.sheets.SheetsGateway;
import com.spooltracker.extendschema.sheets.ValuesRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The two read-only operations beside migrate, Flyway's {@code validate} and {@code info}: the first
 * compares every sheet and the history with the migration files, the second lists every migration.
 * Neither writes.
 */
final class SchemaInspection {
    private final Schema schema;
    private final SheetNames names;

    SchemaInspection(Schema schema, SheetNames names) {
        this.schema = schema;
        this.names = names;
    }

    /** What validate found, and what it cost. */
    record Validation(List<Finding> findings, RunResult.Calls calls, long durationMillis) {
        boolean valid() {
            return findings.isEmpty();
        }
    }

    /**
     * One migration as info lists it.
     *
     * @param file the shipped file, empty for a version the history records but this deployment lacks
     * @param applied the history's entry, empty while pending
     */
    record Entry(Version version, Optional<MigrationFile> file, Optional<AppliedMigration> applied) {
        String status() {
            if (applied.isEmpty()) {
                return "PENDING";
            }
            if (file.isEmpty()) {
                return "NOT_SHIPPED";
            }
            if (file.get().checksum() != applied.get().checksum()) {
                return "CHECKSUM_MISMATCH";
            }
            return applied.get().outcome();
        }
    }

    /** Every migration, shipped or recorded, in version order, and what listing them cost. */
    record Info(List<Entry> entries, RunResult.Calls calls, long durationMillis) {}

    /**
     * Two reads: the sheet titles with the history, then the header rows of the sheets the files name
     * (and {@code Metadata}'s event type and author columns, for rows earlier versions wrote).
     */
    Validation validate(Migration.Session session) {
        SheetsGateway.Outline outline = session.gateway.outline();
        SchemaHistory history = SchemaHistory.of(outline.notes());
        Set<String> titles = outline.titles().stream()
                .map(t -> t.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Optional<ColumnMap>> headers = new LinkedHashMap<>();
        List<String> present = new ArrayList<>();
        for (String declared : schema.sheets()) {
            String title = actualTitle(outline.titles(), names.titleOf(declared));
            if (titles.contains(title.toLowerCase(java.util.Locale.ROOT))) {
                present.add(declared);
            } else {
                headers.put(declared, Optional.empty());
            }
        }
        if (!present.isEmpty()) {
            List<ValuesRange> ranges = new ArrayList<>();
            for (String declared : present) {
                ranges.add(ValuesRange.headerRow(actualTitle(outline.titles(), names.titleOf(declared))));
            }
            List<List<List<Object>>> answer = session.gateway.readValues(ranges);
            for (int i = 0; i < present.size(); i++) {
                headers.put(present.get(i), Optional.of(MetricsRefresh.headerOf(answer.get(i))));
            }
        }
        List<Finding> findings = SchemaCheck.findings(schema, names, history, headers, List.of());
        return new Validation(findings, session.calls(), session.millis());
    }

    /** One read: the history. */
    Info info(Migration.Session session) {
        SchemaHistory history = SchemaHistory.of(session.gateway.outline().notes());
        Map<Version, Entry> entries = new java.util.TreeMap<>();
        for (MigrationFile file : schema.files()) {
            entries.put(file.version(), new Entry(file.version(), Optional.of(file), history.of(file.version())));
        }
        for (AppliedMigration applied : history.entries()) {
            entries.putIfAbsent(
                    applied.version(), new Entry(applied.version(), Optional.empty(), Optional.of(applied)));
        }
        return new Info(List.copyOf(entries.values()), session.calls(), session.millis());
    }

    /** Sheet titles are unique regardless of case: the spreadsheet's own spelling of {@code title}. */
    private static String actualTitle(List<String> titles, String title) {
        return titles.stream()
                .filter(t -> t.equalsIgnoreCase(title))
                .findFirst()
                .orElse(title);
    }
}
