package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.header;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Seed.computed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.schema.HeaderName;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sheet is judged by what it displays, as v3.0 code reads it: headers and keys shown by formulas
 * count, blank-looking keys do not, and cells that show an array formula's output are never written over.
 */
class DisplayedValuesTest {
    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("s1");

    /** Operaciones at v3.0, 40 spools in rows 2..41, and a Metadata sheet. */
    private static Seed v3(int columns) {
        return Seed.spreadsheet("s1")
                .sheet("Operaciones", 200, columns)
                .row(0, EarlierLayout.OPERACIONES_HEADERS)
                .spools(1, 40)
                .sheet("Metadata", 100, 10)
                .row(0, DemoSpreadsheet.METADATA_HEADERS)
                .on("Operaciones");
    }

    @Test
    void arrayFormulaOutputUnderABlankHeaderIsRefusedAndNothingIsWritten() {
        Seed seed = v3(72);
        for (int row = 1; row <= 40; row++) {
            seed.cell(row, 68, computed(row * 2)); // BQ2:BQ41 shown by an ARRAYFORMULA in another cell
        }
        fixture.emulator().seed(seed.build());
        JsonObject before = fixture.emulator().dump("s1");

        Response response = fixture.function().post("");

        assertEquals(409, response.status(), response::toString);
        assertEquals("CONFLICT", response.errorStatus());
        assertTrue(
                response.body().contains("NON_EMPTY_CELLS") && response.body().contains("BQ2"), response::toString);
        assertEquals(before, fixture.emulator().dump("s1"), "nothing may be written");
    }

    @Test
    void arrayFormulaOutputUnderAMetricHeaderIsLeftAloneAndOnlyEmptyCellsGetZero() {
        Seed seed = v3(72);
        seed.cell(0, 67, "Total_Uniones")
                .cell(0, 68, "Uniones_ARM_Completadas")
                .cell(0, 69, "Uniones_SOLD_Completadas")
                .cell(0, 70, "Pulgadas_ARM")
                .cell(0, 71, "Pulgadas_SOLD");
        for (int row = 1; row <= 30; row++) {
            seed.cell(row, 67, computed(row % 4)); // Total_Uniones of rows 2..31 comes from an array formula
        }
        fixture.emulator().seed(seed.build());
        JsonObject before = sheet(fixture.emulator().dump("s1"), "Operaciones");

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals(40 * 5 - 30, response.json().get("cellsInitialized").getAsInt(), response::toString);
        JsonObject after = sheet(fixture.emulator().dump("s1"), "Operaciones");
        for (int row = 1; row <= 30; row++) {
            assertEquals(
                    cell(before, row, 67), cell(after, row, 67), "BP" + (row + 1) + " must keep the formula's output");
        }
        for (int row = 31; row <= 40; row++) {
            assertEquals(new JsonPrimitive(0), cell(after, row, 67), "BP" + (row + 1) + " was empty");
        }
    }

    @Test
    void aHeaderShownByAFormulaIsFoundAndNotAddedASecondTime() {
        fixture.emulator().seed(v3(68).cell(0, 67, "=\"Total_\"&\"Uniones\"").build());

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        JsonObject after = sheet(fixture.emulator().dump("s1"), "Operaciones");
        assertEquals("=\"Total_\"&\"Uniones\"", cell(after, 0, 67).getAsString(), "the formula header stays");
        long totals = header(after).stream()
                .filter(h -> HeaderName.normalize(h).equals("totaluniones"))
                .count();
        assertEquals(0, totals, "no second, typed Total_Uniones: " + header(after));
        assertEquals(
                List.of("Uniones_ARM_Completadas", "Uniones_SOLD_Completadas", "Pulgadas_ARM", "Pulgadas_SOLD"),
                header(after).subList(68, 72));
        assertEquals(new JsonPrimitive(0), cell(after, 1, 67), "the formula-headed column is filled like a typed one");
    }

    @Test
    void blankLookingKeysAreNotSpools() {
        fixture.emulator()
                .seed(v3(67).cell(41, 0, " ")
                        .cell(42, 0, "=\"\"")
                        .cell(43, 0, "   ")
                        .cell(44, 0, "SP-REAL")
                        .build());

        Response response = fixture.function().post("");

        assertEquals(200, response.status(), response::toString);
        assertEquals(41, response.json().get("dataRows").getAsInt(), response::toString);
        JsonObject after = sheet(fixture.emulator().dump("s1"), "Operaciones");
        for (int row = 41; row <= 43; row++) {
            assertTrue(Dumps.isEmpty(cell(after, row, 67)), "row " + (row + 1) + " is not a spool");
        }
        assertEquals(new JsonPrimitive(0), cell(after, 44, 67));
    }
}
