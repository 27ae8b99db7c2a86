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
     * Three reads: the sheet titles with the history, the header rows of the sheets the files name, and
     * {@code Metadata}'s event type and author columns, for rows earlier versions wrote.
     */
    Validation validate(RunContext session) {
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
        List<Integer> legacy = legacyAuditRows(session, outline.titles(), headers);
        List<Finding> findings = SchemaCheck.findings(schema, names, history, headers, legacy);
        return new Validation(findings, session.calls(), session.millis());
    }

    /**
     * The rows of {@code Metadata} that earlier versions of the function appended (the tracker warns on
     * each): one more read, of its event type and author columns, only when its header has both.
     */
    private List<Integer> legacyAuditRows(
            RunContext session, List<String> titles, Map<String, Optional<ColumnMap>> headers) {
        Optional<ColumnMap> header = headers.getOrDefault(SheetNames.METADATA, Optional.empty());
        if (header.isEmpty()) {
            return List.of();
        }
        var type = header.get().indexOf(LegacyAuditRows.EVENT_TYPE_HEADER);
        var worker = header.get().indexOf(LegacyAuditRows.WORKER_NAME_HEADER);
        if (type.isEmpty() || worker.isEmpty()) {
            return List.of();
        }
        String title = actualTitle(titles, names.metadata());
        List<List<List<Object>>> columns = session.gateway.readValues(
                List.of(ValuesRange.column(title, type.getAsInt()), ValuesRange.column(title, worker.getAsInt())));
        return LegacyAuditRows.find(single(columns.get(0)), single(columns.get(1)));
    }

    private static List<Object> single(List<List<Object>> columns) {
        return columns.isEmpty() ? List.of() : columns.get(0);
    }

    /** One read: the history. */
    Info info(RunContext session) {
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
