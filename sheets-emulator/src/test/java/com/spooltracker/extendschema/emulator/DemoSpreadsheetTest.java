package com.spooltracker.extendschema.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoSpreadsheetTest extends EmulatorFixture {

    @Test
    void operacionesHasTheV3SchemaOnAThousandBySixtySevenGrid() throws Exception {
        emu.seedDemo();
        Spreadsheet demo = sheets.spreadsheets().get("demo").execute();
        assertEquals(
                List.of("Operaciones", "Uniones", "Metadata"),
                demo.getSheets().stream().map(s -> s.getProperties().getTitle()).toList());
        SheetProperties operaciones = demo.getSheets().get(0).getProperties();
        assertEquals(0, operaciones.getSheetId());
        assertEquals(1000, operaciones.getGridProperties().getRowCount());
        assertEquals(67, operaciones.getGridProperties().getColumnCount());
        assertEquals(1, operaciones.getGridProperties().getFrozenRowCount());

        List<Object> headers = sheets.spreadsheets()
                .values()
                .get("demo", "Operaciones!1:1")
                .execute()
                .getValues()
                .get(0);
        assertEquals(67, headers.size());
        assertEquals(DemoSpreadsheet.OPERACIONES_HEADERS, headers);
        assertEquals("TAG_SPOOL", headers.get(0));
        assertEquals("version", headers.get(65));
        assertEquals("Estado_Detalle", headers.get(66));
        for (String h : List.of(
                "OT",
                "NV",
                "SPLIT",
                "Fecha_Materiales",
                "Fecha_Armado",
                "Armador",
                "Fecha_Soldadura",
                "Soldador",
                "Fecha_QC_Metrología",
                "Ocupado_Por",
                "Fecha_Ocupacion")) {
            assertTrue(headers.contains(h), h);
        }
        assertEquals(
                DemoSpreadsheet.SPOOLS + 1,
                sheets.spreadsheets()
                        .values()
                        .get("demo", "Operaciones!A:A")
                        .execute()
                        .getValues()
                        .size());
    }

    @Test
    void demoHasDatesEmptyCellsUnionsAndEvents() throws Exception {
        emu.seedDemo();
        List<List<Object>> fechaIngreso = sheets.spreadsheets()
                .values()
                .get("demo", "Operaciones!T2:T3")
                .execute()
                .getValues();
        assertTrue(fechaIngreso.get(0).get(0).toString().matches("\\d\\d/\\d\\d/\\d{4}"), fechaIngreso.toString());
        List<List<Object>> armador = sheets.spreadsheets()
                .values()
                .get("demo", "Operaciones!Z2:Z301")
                .execute()
                .getValues();
        assertTrue(armador.stream().anyMatch(r -> r.isEmpty() || r.get(0).equals("")), "some Armador cells are empty");
        List<List<Object>> uniones =
                sheets.spreadsheets().values().get("demo", "Uniones").execute().getValues();
        assertEquals(DemoSpreadsheet.UNIONES_HEADERS, uniones.get(0));
        assertTrue(uniones.size() > DemoSpreadsheet.SPOOLS, "several unions per spool");
        assertTrue(uniones.stream().skip(1).anyMatch(r -> r.get(4).toString().contains(".")), "decimal DN_UNION");
        List<List<Object>> metadata =
                sheets.spreadsheets().values().get("demo", "Metadata").execute().getValues();
        assertEquals(DemoSpreadsheet.METADATA_HEADERS, metadata.get(0));
        assertTrue(metadata.size() > 5);
    }

    @Test
    void unionesHasSeveralUnionsPerOtPartialProgressOrphansAndBadDiameters() {
        emu.seedDemo();
        JsonObject dump = emu.dump("demo");
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
            spoolOts.add(Dumps.cell(operaciones, r, 1).getAsString());
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

    @Test
    void demoIsTheSameEveryTime() {
        emu.seedDemo();
        var first = emu.dump("demo");
        emu.reset();
        emu.seedDemo();
        assertEquals(first, emu.dump("demo"));
    }
}
