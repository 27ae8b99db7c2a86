package com.spooltracker.extendschema.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.junit.SheetsEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoSpreadsheetTest {

    @RegisterExtension
    static final SheetsEmulatorExtension SHEETS = new SheetsEmulatorExtension();

    private SheetsEmulator emu;
    private Sheets sheets;

    @BeforeEach
    void client() {
        emu = SHEETS.emulator();
        sheets = new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
                .setRootUrl(SHEETS.rootUrl())
                .build();
    }

    @Test
    void operacionesHasTheV3SchemaOnAThousandBySixtySevenGrid() throws Exception {
        emu.seed(DemoSpreadsheet.seed());
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
        // The tracker's own layout: NV in B, OT in C, TAG_SPOOL in G.
        assertEquals("NV", headers.get(1));
        assertEquals("OT", headers.get(2));
        assertEquals("TAG_SPOOL", headers.get(6));
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
                        .get("demo", "Operaciones!G:G")
                        .execute()
                        .getValues()
                        .size());
    }

    @Test
    void demoHasDatesEmptyCellsUnionsAndEvents() throws Exception {
        emu.seed(DemoSpreadsheet.seed());
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
        // The 22-column layout the tracker documents for its Engineering team.
        assertEquals(22, uniones.get(0).size());
        assertEquals(
                List.of("OT", "DN_UNION", "ARM_FECHA_FIN", "SOL_FECHA_FIN"),
                List.of(
                        uniones.get(0).get(1),
                        uniones.get(0).get(3),
                        uniones.get(0).get(6),
                        uniones.get(0).get(9)));
        assertTrue(uniones.size() > DemoSpreadsheet.SPOOLS, "several unions per spool");
        assertTrue(uniones.stream().skip(1).anyMatch(r -> r.get(3).toString().contains(".")), "decimal DN_UNION");
        List<List<Object>> metadata =
                sheets.spreadsheets().values().get("demo", "Metadata").execute().getValues();
        assertEquals(DemoSpreadsheet.METADATA_HEADERS, metadata.get(0));
        assertTrue(metadata.size() > 5);
    }

    @Test
    void demoIsTheSameEveryTime() {
        emu.seed(DemoSpreadsheet.seed());
        var first = emu.dump("demo");
        emu.reset();
        emu.seed(DemoSpreadsheet.seed());
        assertEquals(first, emu.dump("demo"));
    }
}
