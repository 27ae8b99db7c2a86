package com.spooltracker.extendschema.schema;

import java.util.List;

/** The planner's answer: a plan to apply, or the conflicts that forbid touching the sheet. */
public sealed interface PlanResult {
    record Ready(Plan plan) implements PlanResult {}

    record Refused(List<Conflict> conflicts) implements PlanResult {
        public Refused {
            conflicts = List.copyOf(conflicts);
        }
    }
}
