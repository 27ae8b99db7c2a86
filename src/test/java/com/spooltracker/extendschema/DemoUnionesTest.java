package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import io.sheetsemulator.SheetsEmulator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo spreadsheet's Uniones, judged by the metric definitions: what {@code refreshMetrics} on the
 * local demo has to show. Here rather than in the emulator module, whose tests stand on their own.
 */
class DemoUnionesTest {
    @Test
    void unionesHasSeveralUnionsPerOtPartialProgressOrphansAndBadDiameters() {
        JsonObject dump;
        try (SheetsEmulator emu = SheetsEmulator.start()) {
            emu.seed(DemoSpreadsheet.seed());
            dump = emu.dump("demo");
        }
        JsonObject operaciones = Dumps.sheet(dump, "Operaciones");
        JsonObject uniones = Dumps.sheet(dump, "Uniones");
        JsonArray rows = Dumps.rows(uniones);
        assertEquals(
                DemoSpreadsheet.UNIONES_HEADERS.size(),
                rows.get(0).getAsJsonArray().size());
        assertEquals(852 + 3, rows.size() - 1, "852 unions of the 300 spools and 3 orphans");

        List<ExpectedMetrics.Row> expected = ExpectedMetrics.of(operaciones, uniones, "TAG_SPOOL");
        assertEquals(DemoSpreadsheet.SPOOLS, expected.size());
        // About 12 spools share each OT and each gets its OT's figures: the OTs differ in progress.
        assertTrue(expected.stream().map(ExpectedMetrics.Row::values).distinct().count() >= 20, "varied metrics");
        assertTrue(expected.stream().allMatch(r -> r.values().get(0).signum() > 0), "every spool has unions");
        assertTrue(
                expected.stream()
                                .filter(r -> r.values().get(0).longValue() >= 10)
                                .count()
                        > 250,
                "several unions per OT");
        assertTrue(expected.stream().anyMatch(r -> r.values().get(2).signum() > 0), "some welded");
        assertTrue(
                expected.stream()
                        .anyMatch(r -> r.values().get(1).compareTo(r.values().get(0)) < 0),
                "some not armed");

        int ot = ExpectedMetrics.column(rows, "ot");
        int dn = ExpectedMetrics.column(rows, "dnunion");
        Set<String> spoolOts = new HashSet<>();
        for (int r = 1; r < Dumps.rows(operaciones).size(); r++) {
            spoolOts.add(Dumps.cell(operaciones, r, 2).getAsString());
        }
        int armed = 0;
        int welded = 0;
        int orphans = 0;
        int badDn = 0;
        int otAsText = 0;
        for (int r = 1; r < rows.size(); r++) {
            armed += Dumps.isEmpty(Dumps.cell(uniones, r, ExpectedMetrics.column(rows, "armfechafin"))) ? 0 : 1;
            welded += Dumps.isEmpty(Dumps.cell(uniones, r, ExpectedMetrics.column(rows, "solfechafin"))) ? 0 : 1;
            JsonElement otCell = Dumps.cell(uniones, r, ot);
            orphans += spoolOts.contains(otCell.getAsString().trim()) ? 0 : 1;
            otAsText += otCell.getAsJsonPrimitive().isString() ? 1 : 0;
            JsonElement dnCell = Dumps.cell(uniones, r, dn);
            badDn += Dumps.isEmpty(dnCell) || !dnCell.getAsJsonPrimitive().isNumber() ? 1 : 0;
        }
        assertTrue(0 < welded && welded < armed && armed < rows.size() - 1, armed + " armed, " + welded + " welded");
        assertEquals(3, orphans);
        assertTrue(badDn >= 3 && badDn <= 40, badDn + " bad DN_UNION cells");
        assertTrue(otAsText >= 3 && otAsText <= 60, otAsText + " OTs typed as text");
    }
}
