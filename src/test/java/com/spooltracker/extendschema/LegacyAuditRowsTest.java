package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyAuditRowsTest {
    @Test
    void findsTheRowsEarlierVersionsWroteBySheetRow() {
        List<Object> eventTypes =
                List.of("INICIAR_SPOOL", "SCHEMA_MIGRATION", "METRICS_REFRESH", "COMPLETAR_ARM", "METRICS_REFRESH");
        List<Object> workerNames =
                List.of("Juan Pérez", "extendSchema", "extendSchema", "extendSchema", "extendSchema");

        assertEquals(List.of(3, 4, 6), LegacyAuditRows.find(eventTypes, workerNames));
    }

    @Test
    void theTrackersOwnEventsAndOtherWorkersAreLeftAlone() {
        assertEquals(
                List.of(),
                LegacyAuditRows.find(
                        List.of("SCHEMA_MIGRATION", "METRICS_REFRESH", "INICIAR_SPOOL", "schema_migration"),
                        List.of("Juan Pérez", "", "extendSchema", "extendSchema")),
                "both cells must match, the event type exactly as we wrote it");
    }

    @Test
    void shortColumnsEmptyOrNumberCellsAndStraySpacesAreRead() {
        // A values read leaves out trailing empty cells, so the two columns may differ in length.
        List<Object> eventTypes = Arrays.asList(null, 7, " SCHEMA_MIGRATION ", "METRICS_REFRESH", "METRICS_REFRESH");
        List<Object> workerNames = Arrays.asList("extendSchema", "extendSchema", "extendSchema ", "extendSchema");

        assertEquals(List.of(4, 5), LegacyAuditRows.find(eventTypes, workerNames));
        assertEquals(List.of(), LegacyAuditRows.find(List.of(), workerNames));
        assertEquals(List.of(), LegacyAuditRows.find(List.of(), List.of()));
    }
}
