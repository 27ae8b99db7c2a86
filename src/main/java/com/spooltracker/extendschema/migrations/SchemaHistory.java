package com.spooltracker.extendschema.migrations;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.spooltracker.extendschema.schema.SpreadsheetNote;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which migrations a spreadsheet has: developer metadata on the spreadsheet itself, one entry per
 * version (key {@value #KEY}, value a small JSON object). The tracker never reads developer metadata,
 * and every grid read returns it, so the history costs no call of its own.
 *
 * <p>Two runs at once, or a write sent again after a lost answer, can record one version twice; the
 * earliest entry is the one that counts.
 */
public final class SchemaHistory {
    public static final String KEY = "extendSchema.history";

    private final TreeMap<Version, AppliedMigration> byVersion;
    private final List<String> unreadable;

    private SchemaHistory(TreeMap<Version, AppliedMigration> byVersion, List<String> unreadable) {
        this.byVersion = byVersion;
        this.unreadable = List.copyOf(unreadable);
    }

    public static final SchemaHistory EMPTY = new SchemaHistory(new TreeMap<>(), List.of());

    public static SchemaHistory of(List<SpreadsheetNote> notes) {
        TreeMap<Version, AppliedMigration> byVersion = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        notes.stream()
                .filter(note -> KEY.equals(note.key()))
                .sorted(Comparator.comparingInt(SpreadsheetNote::metadataId))
                .forEach(note -> {
                    Optional<AppliedMigration> entry = parse(note.value());
                    if (entry.isEmpty()) {
                        unreadable.add(note.value());
                        return;
                    }
                    AppliedMigration applied = entry.get();
                    AppliedMigration earlier = byVersion.get(applied.version());
                    if (earlier == null || before(applied, earlier)) {
                        byVersion.put(applied.version(), applied);
                    }
                });
        return new SchemaHistory(byVersion, unreadable);
    }

    /**
     * Compared as instants: {@link java.time.Instant#toString} leaves out a zero fraction, so as text
     * {@code …:00Z} sorts after {@code …:00.5Z}, half a second later.
     */
    private static boolean before(AppliedMigration a, AppliedMigration b) {
        try {
            return Instant.parse(a.installedOn()).isBefore(Instant.parse(b.installedOn()));
        } catch (DateTimeParseException notAnInstant) {
            return a.installedOn().compareTo(b.installedOn()) < 0;
        }
    }

    public Optional<AppliedMigration> of(Version version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** Every recorded version, in version order. */
    public List<AppliedMigration> entries() {
        return List.copyOf(byVersion.values());
    }

    /** Entries under the history's key whose value is not one (edited by hand?). */
    public List<String> unreadable() {
        return unreadable;
    }

    public boolean isEmpty() {
        return byVersion.isEmpty();
    }

    /** The value an entry is stored as. */
    public static String valueOf(AppliedMigration applied) {
        JsonObject json = new JsonObject();
        json.addProperty("version", applied.version().toString());
        json.addProperty("description", applied.description());
        json.addProperty("script", applied.script());
        json.addProperty("checksum", applied.checksum());
        json.addProperty("installedOn", applied.installedOn());
        json.addProperty("installedBy", applied.installedBy());
        json.addProperty("outcome", applied.outcome());
        return json.toString();
    }

    private static Optional<AppliedMigration> parse(String value) {
        try {
            JsonObject json = JsonParser.parseString(value).getAsJsonObject();
            return Optional.of(new AppliedMigration(
                    Version.parse(json.get("version").getAsString()),
                    json.get("description").getAsString(),
                    json.get("script").getAsString(),
                    json.get("checksum").getAsLong(),
                    json.get("installedOn").getAsString(),
                    json.get("installedBy").getAsString(),
                    json.get("outcome").getAsString()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
