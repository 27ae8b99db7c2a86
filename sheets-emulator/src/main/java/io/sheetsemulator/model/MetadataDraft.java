package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The developer metadata of a spreadsheet during a batchUpdate: changed in a copy, committed only when every
 * request succeeded. Locations arrive checked against the draft's sheets.
 */
final class MetadataDraft {

    private static final Set<String> FIELDS = Set.of("metadataKey", "metadataValue", "visibility", "location");

    private final String spreadsheetId;
    private final List<DeveloperMetadata> metadata;

    MetadataDraft(Spreadsheet spreadsheet) {
        this.spreadsheetId = spreadsheet.spreadsheetId();
        this.metadata = new ArrayList<>(spreadsheet.developerMetadata());
    }

    List<DeveloperMetadata> all() {
        return metadata;
    }

    void commitTo(Spreadsheet spreadsheet) {
        spreadsheet.developerMetadata().clear();
        spreadsheet.developerMetadata().addAll(metadata);
    }

    /**
     * createDeveloperMetadata. Google documents that a key and a visibility must always be given, and that an
     * id is optional (else "randomly generated") and positive (DeveloperMetadata). The wording of the refusals
     * is the emulator's own.
     */
    DeveloperMetadata create(SheetRequest.MetadataSpec spec, DeveloperMetadata.Location location) {
        requireKeyAndVisibility(spec, true, true);
        int id;
        if (spec.metadataId() != null) {
            id = spec.metadataId();
            if (id <= 0) {
                throw SheetsError.invalid("metadataId must be positive.");
            }
            if (metadata.stream().anyMatch(m -> m.metadataId() == id)) {
                throw SheetsError.invalid("Developer metadata with ID " + id + " already exists.");
            }
        } else {
            id = nextId();
        }
        DeveloperMetadata created = new DeveloperMetadata(id, spec.key(), spec.value(), location, spec.visibility());
        metadata.add(created);
        return created;
    }

    /** Checks an updateDeveloperMetadata's fields mask: leaf paths under metadataKey, metadataValue, ... or *. */
    static void checkFields(List<String> fields) {
        if (fields.isEmpty()) {
            throw SheetsError.invalid("At least one field must be specified.");
        }
        for (String field : fields) {
            if (!field.equals("*") && !FIELDS.contains(field.replaceFirst("\\..*", ""))) {
                throw SheetsError.invalid("Field '" + field + "' is not supported by the Sheets emulator.");
            }
        }
    }

    static boolean selects(List<String> fields, String field) {
        return fields.contains("*") || fields.stream().anyMatch(f -> f.equals(field) || f.startsWith(field + "."));
    }

    /**
     * updateDeveloperMetadata: "Updates the properties of the developer metadata selected by the filters to
     * the values provided in the DeveloperMetadata resource", for the {@code fields} given (checked by
     * {@link #checkFields}); {@code location} is the new location when the fields select it.
     */
    List<DeveloperMetadata> update(
            List<DeveloperMetadata> selected,
            SheetRequest.MetadataSpec spec,
            List<String> fields,
            DeveloperMetadata.Location location) {
        boolean key = selects(fields, "metadataKey");
        boolean value = selects(fields, "metadataValue");
        boolean visibility = selects(fields, "visibility");
        requireKeyAndVisibility(spec, key, visibility);
        List<DeveloperMetadata> updated = new ArrayList<>();
        for (DeveloperMetadata m : selected) {
            DeveloperMetadata changed = new DeveloperMetadata(
                    m.metadataId(),
                    key ? spec.key() : m.key(),
                    value ? spec.value() : m.value(),
                    location != null ? location : m.location(),
                    visibility ? spec.visibility() : m.visibility());
            metadata.set(metadata.indexOf(m), changed);
            updated.add(changed);
        }
        return updated;
    }

    List<DeveloperMetadata> delete(List<DeveloperMetadata> selected) {
        metadata.removeAll(selected);
        return selected;
    }

    /**
     * Row and column metadata follow their row or column and go with it when it is deleted: "if developer
     * metadata is associated with row 5 and another row is then subsequently inserted above row 5, that
     * original metadata will still be associated with the row it was first associated with (what is now row
     * 6). If the associated object is deleted its metadata is deleted too." (spreadsheets.developerMetadata)
     */
    void follow(GridShift shift) {
        follow(metadata, shift);
    }

    /** {@link #follow(GridShift)} on any list of metadata, such as a spreadsheet's own outside a batch. */
    static void follow(List<DeveloperMetadata> metadata, GridShift shift) {
        for (int i = metadata.size() - 1; i >= 0; i--) {
            DeveloperMetadata m = metadata.get(i);
            if (m.location() instanceof DeveloperMetadata.OnDimension d
                    && d.sheetId() == shift.sheetId()
                    && d.rows() == shift.rows()) {
                int index = shift.map(d.index());
                if (index < 0) {
                    metadata.remove(i);
                } else {
                    metadata.set(i, m.at(new DeveloperMetadata.OnDimension(d.sheetId(), d.rows(), index)));
                }
            }
        }
    }

    private static void requireKeyAndVisibility(SheetRequest.MetadataSpec spec, boolean key, boolean visibility) {
        if (key && (spec.key() == null || spec.key().isEmpty())) {
            throw SheetsError.invalid("Developer metadata must always have a key specified.");
        }
        if (visibility && spec.visibility() == null) {
            throw SheetsError.invalid("Developer metadata must always have a visibility specified.");
        }
    }

    /** A random positive id, as Google assigns them, seeded so that the same history gives the same ids. */
    private int nextId() {
        Random random = new Random(spreadsheetId.hashCode() * 31L + metadata.size());
        while (true) {
            int id = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            if (metadata.stream().noneMatch(m -> m.metadataId() == id)) {
                return id;
            }
        }
    }
}
