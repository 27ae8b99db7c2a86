package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.columnsUpTo;
import static com.spooltracker.extendschema.testing.Dumps.dataRows;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.isEmpty;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sheets that are not the tidy v3.0 layout, one table through the invoker. Those the migration can
 * handle answer 200 with the right end state (and a second run is up to date); the others answer a
 * JSON 4xx and nothing is written. The same for odd Metadata sheets, whose migration adds N_UNION
 * right after Metadata_JSON. RefusalsTest checks the wording of the refusals.
 */
class OddSheetsTest {
    private static final String SHEET = "Operaciones";
    private static final String ODD_NAME = "Spool's Operaciones 2";

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("s1");

    /**
     * One odd sheet: its seed (null: no spreadsheet), faults, the sheet the function is configured for,
     * the status expected, and for 200 the end state.
     */
    record Case(
            String name,
            JsonObject seed,
            Consumer<SheetsEmulator> faults,
            String sheetName,
            int status,
            String detail,
            Consumer<JsonObject> endState) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Seed v3(String title, int rows, int columns, int spools) {
        Seed seed = Seed.spreadsheet("s1").sheet(title, rows, columns).row(0, EarlierLayout.OPERACIONES_HEADERS);
        if (spools > 0) {
            seed.spools(1, spools);
        }
        return seed.sheet("Metadata", 100, 10).row(0, DemoSpreadsheet.METADATA_HEADERS);
    }

    static Stream<Case> oddSheets() {
        return Stream.of(
                new Case(
                        "no header row",
                        Seed.spreadsheet("s1")
                                .sheet(SHEET, 100, 67)
                                .spools(1, 10)
                                .build(),
                        e -> {},
                        SHEET,
                        409,
                        "NO_HEADER_ROW",
                        null),
                new Case(
                        "header only, no data rows",
                        v3(SHEET, 100, 67, 0).build(),
                        e -> {},
                        SHEET,
                        200,
                        null,
                        after -> {
                            assertEquals(
                                    ExtendSchemaFunctionTest.V4_HEADERS,
                                    header(after).subList(67, 72));
                            assertEquals(72, after.get("columnCount").getAsInt());
                            for (int row = 1; row < 100; row++) {
                                for (int column = 67; column < 72; column++) {
                                    assertTrue(isEmpty(cell(after, row, column)), "no data row, no default");
                                }
                            }
                        }),
                new Case(
                        "trailing blank headers in a wider grid",
                        v3(SHEET, 200, 75, 20)
                                .on(SHEET)
                                .cell(0, 67, "")
                                .cell(0, 68, "")
                                .cell(0, 69, "")
                                .build(),
                        e -> {},
                        SHEET,
                        200,
                        null,
                        after -> {
                            assertEquals(
                                    ExtendSchemaFunctionTest.V4_HEADERS,
                                    header(after).subList(67, 72));
                            assertEquals(75, after.get("columnCount").getAsInt(), "the grid is never shrunk");
                            assertDefaults(after, 67);
                        }),
                new Case(
                        "a whitespace-only header where a column would go",
                        v3(SHEET, 200, 70, 20).on(SHEET).cell(0, 68, "  ").build(),
                        e -> {},
                        SHEET,
                        409,
                        "BQ1",
                        null),
                new Case(
                        "duplicate key column",
                        v3(SHEET, 200, 68, 20)
                                .on(SHEET)
                                .cell(0, 67, "TAG_SPOOL")
                                .build(),
                        e -> {},
                        SHEET,
                        409,
                        "DUPLICATE_HEADER",
                        null),
                new Case(
                        "duplicate of a new column's header",
                        v3(SHEET, 200, 69, 20)
                                .on(SHEET)
                                .cell(0, 67, "Pulgadas_ARM")
                                .cell(0, 68, "pulgadas arm")
                                .build(),
                        e -> {},
                        SHEET,
                        409,
                        "DUPLICATE_HEADER",
                        null),
                new Case(
                        "a header at 68 that is not ours",
                        v3(SHEET, 200, 68, 20)
                                .on(SHEET)
                                .cell(0, 67, "Notas")
                                .cell(3, 67, "revisar")
                                .build(),
                        e -> {},
                        SHEET,
                        200,
                        "positions",
                        after -> {
                            assertEquals("Notas", header(after).get(67));
                            assertEquals("revisar", cell(after, 3, 67).getAsString());
                            assertEquals(
                                    ExtendSchemaFunctionTest.V4_HEADERS,
                                    header(after).subList(68, 73));
                            assertEquals(73, after.get("columnCount").getAsInt());
                            assertDefaults(after, 68);
                        }),
                new Case(
                        "a sheet name with spaces and an apostrophe",
                        v3(ODD_NAME, 200, 67, 20).build(),
                        e -> {},
                        ODD_NAME,
                        200,
                        null,
                        after -> {
                            assertEquals(
                                    ExtendSchemaFunctionTest.V4_HEADERS,
                                    header(after).subList(67, 72));
                            assertDefaults(after, 67);
                        }),
                // 1000 × 67 + 100 × 10 + 99,320 × 100 = exactly 10,000,000 cells: any growth is over the limit.
                new Case(
                        "a spreadsheet at the 10M-cell limit",
                        v3(SHEET, 1000, 67, 20)
                                .sheet("Archivo", 99_320, 100)
                                .row(0, List.of("Histórico"))
                                .build(),
                        e -> {},
                        SHEET,
                        409,
                        "CELL_LIMIT",
                        null),
                new Case("spreadsheet missing", null, e -> {}, SHEET, 404, "SPREADSHEET_ID", null),
                new Case("sheet missing", v3("Hoja 1", 200, 67, 20).build(), e -> {}, SHEET, 404, "SHEET_NAME", null),
                new Case(
                        "permission denied",
                        v3(SHEET, 200, 67, 20).build(),
                        e -> e.addFault(
                                FaultRule.on("spreadsheets.get").times(0).status(403)),
                        SHEET,
                        403,
                        "Share the spreadsheet",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddSheets")
    void anOddSheetIsMigratedWithTheRightEndStateOrRefusedWithNothingWritten(Case c) {
        SheetsEmulator emulator = fixture.emulator();
        FunctionServer function = c.sheetName().equals(SHEET)
                ? fixture.function()
                : fixture.functionWith(Map.of("SHEET_NAME", c.sheetName()));
        if (c.seed() != null) {
            emulator.seed(c.seed());
        }
        JsonObject before = c.seed() == null ? null : emulator.dump("s1");
        c.faults().accept(emulator);

        Response response = function.post("");

        assertEquals(c.status(), response.status(), response::toString);
        if (c.detail() != null) {
            assertTrue(response.body().contains(c.detail()), response::toString);
        }
        if (c.status() != 200) {
            assertEquals(
                    c.status(),
                    response.json().getAsJsonObject("error").get("code").getAsInt());
            // Google refuses a whole batch atomically, so only an accepted write could have changed anything.
            assertEquals(
                    0,
                    emulator.requestLog().stream()
                            .filter(r -> !r.method().equals("GET")
                                    && !r.endpoint().equals("spreadsheets.getByDataFilter")
                                    && r.status() == 200)
                            .count(),
                    emulator.requestLog()::toString);
            if (before != null) {
                assertEquals(before, emulator.dump("s1"));
            }
            return;
        }
        JsonObject after = emulator.dump("s1");
        c.endState().accept(sheet(after, c.sheetName()));
        assertEquals(0, Dumps.changedCells(before, after));
        Response again = function.post("");
        assertEquals("UP_TO_DATE", again.json().get("status").getAsString(), again::toString);
    }

    /**
     * An odd Metadata beside a tidy v3.0 Operaciones: its seed, the status expected, a text the answer
     * holds, and for 200 the end state of the whole spreadsheet.
     */
    record MetadataCase(String name, JsonObject seed, int status, String detail, Consumer<JsonObject> endState) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final int EVENTS = 30;

    /** A v3.0 tracker whose Metadata has {@code header} and {@value #EVENTS} events under its first ten columns. */
    private static Seed withMetadata(int columns, List<String> header) {
        Seed seed = Seed.spreadsheet("s1")
                .sheet(SHEET, 200, 67)
                .row(0, DemoSpreadsheet.OPERACIONES_HEADERS)
                .spools(1, 20)
                .sheet("Metadata", 100, columns)
                .row(0, header);
        for (int row = 1; row <= EVENTS; row++) {
            seed.row(
                    row,
                    List.of(
                            "ev-" + row,
                            "2026-02-0" + (1 + row % 9) + "T08:00:00Z",
                            row % 2 == 0 ? "INICIAR_ARM" : "COMPLETAR_SOLD",
                            String.format("SP-%05d", row),
                            100 + row,
                            "Worker " + row,
                            row % 2 == 0 ? "ARM" : "SOLD",
                            row % 2 == 0 ? "INICIAR" : "COMPLETAR",
                            "2026-02-01",
                            "{\"n\": " + row + "}"));
        }
        return seed;
    }

    private static List<String> metadataHeader(String... extra) {
        List<String> header = new ArrayList<>(DemoSpreadsheet.METADATA_HEADERS);
        header.addAll(List.of(extra));
        return header;
    }

    static Stream<MetadataCase> oddMetadata() {
        List<String> withoutEventType = metadataHeader();
        withoutEventType.set(withoutEventType.indexOf("Evento_Tipo"), "Tipo");
        return Stream.of(
                new MetadataCase(
                        "Metadata exactly ten columns wide grows to eleven",
                        withMetadata(10, metadataHeader()).build(),
                        200,
                        null,
                        after -> {
                            JsonObject metadata = sheet(after, "Metadata");
                            assertEquals(metadataHeader("N_UNION"), header(metadata));
                            assertEquals(11, metadata.get("columnCount").getAsInt());
                            for (int row = 1; row <= EVENTS; row++) {
                                assertTrue(isEmpty(cell(metadata, row, 10)), "no default: row " + (row + 1));
                            }
                        }),
                new MetadataCase(
                        "Metadata wider with K empty keeps its grid",
                        withMetadata(26, metadataHeader()).build(),
                        200,
                        null,
                        after -> {
                            JsonObject metadata = sheet(after, "Metadata");
                            assertEquals(metadataHeader("N_UNION"), header(metadata));
                            assertEquals(26, metadata.get("columnCount").getAsInt(), "no grid change");
                        }),
                new MetadataCase(
                        "N_UNION already elsewhere in Metadata is baselined",
                        withMetadata(12, metadataHeader("Notas", "N_UNION"))
                                .on("Metadata")
                                .cell(4, 11, 7)
                                .build(),
                        200,
                        "\"baselined\"",
                        after -> {
                            JsonObject metadata = sheet(after, "Metadata");
                            assertEquals(metadataHeader("Notas", "N_UNION"), header(metadata));
                            assertEquals(12, metadata.get("columnCount").getAsInt());
                            assertEquals(7, cell(metadata, 4, 11).getAsInt());
                        }),
                new MetadataCase(
                        "N_UNION twice in Metadata",
                        withMetadata(13, metadataHeader("N_UNION", "Notas", "N_UNION"))
                                .build(),
                        409,
                        "DUPLICATE_HEADER",
                        null),
                new MetadataCase(
                        "a value under a blank header in Metadata's column K",
                        withMetadata(11, metadataHeader())
                                .on("Metadata")
                                .cell(6, 10, "12")
                                .build(),
                        409,
                        "K7",
                        null),
                new MetadataCase(
                        "Metadata lacking Evento_Tipo",
                        withMetadata(10, withoutEventType).build(),
                        409,
                        "Evento_Tipo",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddMetadata")
    void anOddMetadataIsMigratedOrBaselinedOrRefusedWithNothingWritten(MetadataCase c) {
        SheetsEmulator emulator = fixture.emulator();
        emulator.seed(c.seed());
        JsonObject before = emulator.dump("s1");

        Response response = fixture.function().post("");

        assertEquals(c.status(), response.status(), response::toString);
        if (c.detail() != null) {
            assertTrue(response.body().contains(c.detail()), response::toString);
        }
        if (c.status() != 200) {
            assertEquals(
                    0,
                    emulator.requestLog().stream()
                            .filter(r -> !r.method().equals("GET")
                                    && !r.endpoint().equals("spreadsheets.getByDataFilter")
                                    && r.status() == 200)
                            .count(),
                    emulator.requestLog()::toString);
            assertEquals(before, emulator.dump("s1"), "nothing written, Operaciones included");
            return;
        }
        JsonObject after = emulator.dump("s1");
        c.endState().accept(after);
        assertEquals(
                ExtendSchemaFunctionTest.V4_HEADERS, header(sheet(after, SHEET)).subList(67, 72));
        assertEquals(
                sheet(Dumps.withoutNUnion(before), "Metadata").get("rows"),
                sheet(Dumps.withoutNUnion(after), "Metadata").get("rows"),
                "every event cell as it was");
        assertEquals(0, Dumps.changedCells(before, after));
        assertEquals(Set.of("4.0.1", "4.0.2"), Dumps.historyVersions(after));
        Response again = fixture.function().post("");
        assertEquals("UP_TO_DATE", again.json().get("status").getAsString(), again::toString);
    }

    @Test
    void nUnionElsewhereInMetadataIsBaselinedAndValidateSaysItIsMisplaced() {
        fixture.emulator()
                .seed(withMetadata(12, metadataHeader("Notas", "N_UNION")).build());
        assertEquals(200, fixture.function().post("").status());

        Response validate = fixture.function().get("validate=true");

        assertEquals(409, validate.status(), validate::toString);
        JsonObject misplaced = null;
        for (var finding : validate.json().getAsJsonArray("findings")) {
            if (finding.getAsJsonObject().get("kind").getAsString().equals("MISPLACED_HEADER")) {
                misplaced = finding.getAsJsonObject();
            }
        }
        assertTrue(misplaced != null, validate::toString);
        assertEquals("Metadata", misplaced.get("sheet").getAsString());
        assertTrue(misplaced.get("message").getAsString().contains("'N_UNION' is at L1"), misplaced::toString);
        assertFalse(validate.body().contains("PENDING_MIGRATION"), "both versions recorded: " + validate);
    }

    /** Every data row has 0 in the five columns from {@code first}; no other row has anything there. */
    private static void assertDefaults(JsonObject sheet, int first) {
        List<Integer> spoolRows = dataRows(sheet, 0);
        assertFalse(spoolRows.isEmpty());
        for (int row = 1; row < sheet.get("rowCount").getAsInt(); row++) {
            for (int column = first; column < first + 5; column++) {
                if (spoolRows.contains(row)) {
                    assertEquals(
                            0, cell(sheet, row, column).getAsInt(), "row " + (row + 1) + " column " + (column + 1));
                } else {
                    assertTrue(isEmpty(cell(sheet, row, column)), "row " + (row + 1) + " column " + (column + 1));
                }
            }
        }
        assertFalse(columnsUpTo(sheet, first).isEmpty());
    }
}
