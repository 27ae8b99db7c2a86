package io.sheetsemulator.model;

import java.util.List;

/** What one request of a spreadsheets.batchUpdate answers; the wire layer writes it as a Response. */
public sealed interface BatchReply {

    /** An empty Response object, for kinds without a reply. */
    record None() implements BatchReply {}

    record AddSheet(Sheet sheet) implements BatchReply {}

    record CreateDeveloperMetadata(DeveloperMetadata metadata) implements BatchReply {}

    record UpdateDeveloperMetadata(List<DeveloperMetadata> metadata) implements BatchReply {}

    record DeleteDeveloperMetadata(List<DeveloperMetadata> deleted) implements BatchReply {}

    None NONE = new None();
}
