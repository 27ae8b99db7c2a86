package com.spooltracker.extendschema.emulator.model;

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
        return exact
                ? location.equals(metadata.location())
                : Region.of(location).intersects(Region.of(metadata.location()));
    }
}
