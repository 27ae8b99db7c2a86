package com.spooltracker.extendschema.migrations;

import com.spooltracker.extendschema.schema.ColumnLetters;
import com.spooltracker.extendschema.schema.ColumnMap;
import com.spooltracker.extendschema.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code validate}: every sheet the files name against what they declare, and the history against the
 * files (pure). A sheet must have each header it requires and each column the files add, once; a
 * column declared to follow a header must follow it; every file must be recorded, with the checksum
 * it has now.
 */
public final class SchemaCheck {
    private static final int CELLS_NAMED_AT_MOST = 20;

    private SchemaCheck() {}

    /**
     * @param headers each declared sheet's header row, or empty when the spreadsheet has no such sheet
     * @param legacyAuditRows 1-based rows of {@code Metadata} that earlier versions of the function wrote
     */
    public static List<Finding> findings(
            Schema schema,
            SheetNames names,
            SchemaHistory history,
            Map<String, Optional<ColumnMap>> headers,
            List<Integer> legacyAuditRows) {
        List<Finding> findings = new ArrayList<>();
        for (String declared : schema.sheets()) {
            String title = names.titleOf(declared);
            Optional<ColumnMap> header = headers.getOrDefault(declared, Optional.empty());
            if (header.isEmpty()) {
                findings.add(new Finding(
                        Finding.Kind.MISSING_SHEET,
                        title,
                        "The spreadsheet has no sheet '" + title + "', which the schema declares.",
                        List.of()));
                continue;
            }
            checkSheet(schema, declared, title, header.get(), findings);
        }
        checkHistory(schema, history, findings);
        if (!legacyAuditRows.isEmpty()) {
            List<String> cells = legacyAuditRows.stream()
                    .limit(CELLS_NAMED_AT_MOST)
                    .map(row -> "A" + row)
                    .toList();
            findings.add(new Finding(
                    Finding.Kind.LEGACY_AUDIT_ROWS,
                    names.metadata(),
                    legacyAuditRows.size() + " row" + (legacyAuditRows.size() == 1 ? "" : "s") + " of '"
                            + names.metadata() + "' (" + rowList(legacyAuditRows)
                            + ") were written by an earlier version of extendSchema; the tracker warns on each when "
                            + "it reads its events. Delete them by hand: the function never deletes rows.",
                    cells));
        }
        return findings;
    }

    private static void checkSheet(
            Schema schema, String declared, String title, ColumnMap header, List<Finding> findings) {
        Set<String> expected = new LinkedHashSet<>(schema.requiresOf(declared));
        List<ColumnSpec> added = schema.columnsOf(declared);
        added.forEach(column -> expected.add(column.header()));
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            List<Integer> positions = header.positionsOf(name);
            if (positions.isEmpty()) {
                missing.add(name);
            } else if (positions.size() > 1) {
                List<String> cells =
                        positions.stream().map(i -> ColumnLetters.of(i) + "1").toList();
                findings.add(new Finding(
                        Finding.Kind.DUPLICATE_HEADER,
                        title,
                        "Header '" + name + "' appears " + positions.size() + " times in sheet '" + title + "' ("
                                + String.join(", ", cells) + "); lookups by name are ambiguous.",
                        cells));
            }
        }
        if (!missing.isEmpty()) {
            findings.add(new Finding(
                    Finding.Kind.MISSING_HEADER,
                    title,
                    "Sheet '" + title + "' lacks " + String.join(", ", missing) + " in row 1.",
                    List.of()));
        }
        for (ColumnSpec column : added) {
            if (column.after().isEmpty()) {
                continue;
            }
            List<Integer> at = header.positionsOf(column.header());
            List<Integer> anchor = header.positionsOf(column.after().get());
            if (at.size() == 1 && anchor.size() == 1 && at.get(0) != anchor.get(0) + 1) {
                String cell = ColumnLetters.of(at.get(0)) + "1";
                findings.add(new Finding(
                        Finding.Kind.MISPLACED_HEADER,
                        title,
                        "'" + column.header() + "' is at " + cell + " of sheet '" + title + "', not right after '"
                                + column.after().get() + "' (" + ColumnLetters.of(anchor.get(0)) + "1).",
                        List.of(cell)));
            }
        }
    }

    private static void checkHistory(Schema schema, SchemaHistory history, List<Finding> findings) {
        for (MigrationFile file : schema.files()) {
            Optional<AppliedMigration> applied = history.of(file.version());
            if (applied.isEmpty()) {
                findings.add(new Finding(
                        Finding.Kind.PENDING_MIGRATION,
                        "",
                        "Migration " + file.version() + " (" + file.script() + ") is pending: POST to apply it.",
                        List.of()));
            } else if (applied.get().checksum() != file.checksum()) {
                findings.add(new Finding(
                        Finding.Kind.CHECKSUM_MISMATCH,
                        "",
                        "Migration " + file.version() + " was applied from a file with checksum "
                                + applied.get().checksum() + " ("
                                + applied.get().script() + "), but "
                                + file.script() + " now has checksum " + file.checksum()
                                + ". An applied migration must not change: restore the file and put the change "
                                + "in a new version.",
                        List.of()));
            }
        }
        Set<Version> known = schema.files().stream().map(MigrationFile::version).collect(Collectors.toSet());
        for (AppliedMigration applied : history.entries()) {
            if (!known.contains(applied.version())) {
                findings.add(new Finding(
                        Finding.Kind.UNKNOWN_VERSION,
                        "",
                        "The history records migration " + applied.version() + " (" + applied.script()
                                + "), which this deployment does not ship. Deploy the version that has it.",
                        List.of()));
            }
        }
        for (String value : history.unreadable()) {
            findings.add(new Finding(
                    Finding.Kind.UNREADABLE_HISTORY,
                    "",
                    "A schema history entry does not read as one: " + abbreviate(value),
                    List.of()));
        }
    }

    private static String rowList(List<Integer> rows) {
        String listed =
                rows.stream().limit(CELLS_NAMED_AT_MOST).map(String::valueOf).collect(Collectors.joining(", "));
        return (rows.size() == 1 ? "row " : "rows ") + listed + (rows.size() > CELLS_NAMED_AT_MOST ? ", …" : "");
    }

    private static String abbreviate(String value) {
        return value.length() > 120 ? value.substring(0, 120) + "…" : value;
    }
}
