package com.spooltracker.extendschema.migrations;

import com.spooltracker.extendschema.schema.ColumnSpec;
import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run does about each migration version, decided from the history and the plans alone (pure):
 * a version the history records is done; a pending one is applied, or baselined when the spreadsheet
 * already has everything it adds, or blocked when a sheet it writes is not in the spreadsheet.
 *
 * @param steps one per migration file, in version order
 * @param others for each sheet other than the migrated one that pending versions write (declared name),
 *     its plan, or empty when the spreadsheet has no such sheet
 */
public record VersionPlan(List<Step> steps, Map<String, Optional<Plan>> others) {
    public VersionPlan {
        steps = List.copyOf(steps);
        others = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(others));
    }

    /** The plans of the other sheets the pending versions write. */
    public List<Plan> otherSheets() {
        return others.values().stream().flatMap(Optional::stream).toList();
    }

    /** Whether planning it read sheets other than the migrated one. */
    public boolean readOtherSheets() {
        return !others.isEmpty();
    }

    public enum Status {
        /** The history records it. */
        DONE,
        /** This run makes its changes and records it. */
        APPLY,
        /** The spreadsheet already has its changes: this run only records it. */
        BASELINE,
        /** A sheet it writes is not in the spreadsheet: it stays pending. */
        BLOCKED
    }

    /** One version's fate in this run; {@code note} says why for a blocked one. */
    public record Step(MigrationFile file, Status status, String note) {}

    /**
     * @param mainPlan the migrated sheet's plan (every file's columns for it)
     * @param others for each other sheet a pending version writes (declared name), its plan, or empty
     *     when the spreadsheet has no such sheet
     */
    public static VersionPlan of(
            Schema schema, SchemaHistory history, SheetNames names, Plan mainPlan, Map<String, Optional<Plan>> others) {
        List<Step> steps = new ArrayList<>();
        for (MigrationFile file : schema.files()) {
            if (history.of(file.version()).isPresent()) {
                steps.add(new Step(file, Status.DONE, ""));
                continue;
            }
            List<String> missing = new ArrayList<>();
            boolean allPresent = true;
            for (String sheet : file.sheetsWritten()) {
                Optional<Plan> plan =
                        names.isSpools(sheet) ? Optional.of(mainPlan) : others.getOrDefault(sheet, Optional.empty());
                if (plan.isEmpty()) {
                    missing.add(names.titleOf(sheet));
                    continue;
                }
                for (ColumnSpec column : Schema.columnsOf(sheet, List.of(file))) {
                    allPresent &=
                            plan.get().present().stream().map(Placement::spec).anyMatch(column::equals);
                }
            }
            if (!missing.isEmpty()) {
                steps.add(new Step(
                        file,
                        Status.BLOCKED,
                        "The spreadsheet has no sheet "
                                + String.join(
                                        ", ",
                                        missing.stream().map(s -> "'" + s + "'").toList()) + " for " + file.script()
                                + " to change; it stays pending."));
            } else {
                steps.add(new Step(file, allPresent ? Status.BASELINE : Status.APPLY, ""));
            }
        }
        return new VersionPlan(steps, others);
    }

    /** The versions this run records in the history (applied or baselined). */
    public List<Step> toRecord() {
        return steps.stream()
                .filter(s -> s.status() == Status.APPLY || s.status() == Status.BASELINE)
                .toList();
    }

    public List<Step> blocked() {
        return steps.stream().filter(s -> s.status() == Status.BLOCKED).toList();
    }

    /** Nothing to write beyond the migrated sheet's plan: no version to record, no other sheet to change. */
    public boolean writesNothing() {
        return toRecord().isEmpty() && otherSheets().stream().allMatch(Plan::isUpToDate);
    }

    /** A plan with no version pending: what a run on an up-to-date history plans. */
    public static VersionPlan allDone(Schema schema) {
        return new VersionPlan(
                schema.files().stream().map(f -> new Step(f, Status.DONE, "")).toList(), Map.of());
    }
}
