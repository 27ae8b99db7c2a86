package com.spooltracker.extendschema;

import com.spooltracker.extendschema.schema.Placement;
import com.spooltracker.extendschema.schema.Plan;
import com.spooltracker.extendschema.schema.SheetSnapshot;
import com.spooltracker.extendschema.sheets.ColumnMarks;
import java.util.ArrayList;
import java.util.List;

/**
 * Which column marks a run puts and which it replaces, from its read alone (pure): the migration's
 * defaults and the refresh's writes both go through marks the read trusts.
 */
final class MarkPlacement {
    private MarkPlacement() {}

    /** A mark for each of {@code placements} that the read shows without a trusted one, where the read shows it. */
    static List<ColumnMarks.Place> toPlace(SheetSnapshot snapshot, List<Placement> placements) {
        return placements.stream()
                .filter(p ->
                        snapshot.trustedAnchor(p.spec().header(), p.index()).isEmpty())
                .map(p -> new ColumnMarks.Place(p.spec().header(), p.index()))
                .toList();
    }

    /** The ids of the marks for {@code placements}' headers that the read does not trust: they are replaced. */
    static List<Integer> stale(SheetSnapshot snapshot, Plan plan) {
        List<Integer> stale = new ArrayList<>();
        for (Placement p : plan.placements()) {
            if (snapshot.trustedAnchor(p.spec().header(), p.index()).isEmpty()) {
                snapshot.marksFor(p.spec().header()).forEach(mark -> stale.add(mark.metadataId()));
            }
        }
        return stale;
    }
}
