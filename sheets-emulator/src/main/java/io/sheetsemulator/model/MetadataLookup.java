package io.sheetsemulator.model;

/**
 * A DeveloperMetadataLookup: selects the metadata matching every field given (null fields match anything).
 * {@code location} matches by {@code exact} location or, by default, every location intersecting it
 * (developers.google.com/workspace/sheets/api/reference/rest/v4/DataFilter#developermetadatalookup).
 */
public record MetadataLookup(
        Integer metadataId,
        String key,
        String value,
        String locationType,
        String visibility,
        DeveloperMetadata.Location location,
        boolean exact) {

    public boolean matches(DeveloperMetadata metadata) {
        if (metadataId != null && metadataId != metadata.metadataId()) {
            return false;
        }
        if (key != null && !key.equals(metadata.key())) {
            return false;
        }
        if (value != null && !value.equals(metadata.value())) {
            return false;
        }
        if (locationType != null && !locationType.equals(metadata.location().type())) {
            return false;
        }
        if (visibility != null && !visibility.equals(metadata.visibility())) {
            return false;
        }
        if (location == null) {
            return true;
        }
        if (exact) {
            return location.equals(metadata.location());
        }
        // Spreadsheet-level metadata lies on no cells: only a spreadsheet location reaches it (the emulator's
        // reading; the spreadsheet location itself intersects everything).
        if (metadata.location() instanceof DeveloperMetadata.OnSpreadsheet) {
            return location instanceof DeveloperMetadata.OnSpreadsheet;
        }
        return Region.of(location).intersects(Region.of(metadata.location()));
    }
}
