package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values a sheet can hold that the refresh must survive, through the invoker, the real client and the
 * emulator: magnitudes past a {@code long} or a double, sums a double cannot hold exactly, sheets
 * holding only their header row, and OTs that are error values.
 */
class OddValuesTest {
    private static final int METRICS_FROM = 67;
    private static final int PULGADAS_ARM = METRICS_FROM + 3;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("demo");

    /** A migrated Operaciones with spools SP-1.. of the OTs given, a Uniones header and a Metadata sheet. */
    private static Seed sheets(Object... ots) {
        return sized(ots.length + 5, 20, ots);
    }

    /** As {@link #sheets(Object...)}, with grids of these many rows. */
    private static Seed sized(int operacionesRows, int unionesRows, Object... ots) {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", operacionesRows, 72).row(0, header72());
        for (int i = 0; i < ots.length; i++) {
            seed.cell(i + 1, 0, "SP-" + (i + 1)).cell(i + 1, 1, ots[i]);
            for (int c = METRICS_FROM; c < METRICS_FROM + 5; c++) {
                seed.cell(i + 1, c, 0);
            }
        }
        seed.sheet("Metadata", 20, 10).row(0, DemoSpreadsheet.METADATA_HEADERS);
        seed.sheet("Uniones", unionesRows, 17).row(0, EarlierLayout.UNIONES_HEADERS);
        return seed;
    }

    /** A union of {@code ot} with {@code dn} inches, armed, in 0-based row {@code row} of Uniones. */
    private static Seed armed(Seed seed, int row, Object ot, Object dn) {
        return seed.on("Uniones").cell(row, 1, ot).cell(row, 4, dn).cell(row, 7, 45700);
    }

    @ParameterizedTest(name = "DN_UNION {0}")
    @ValueSource(doubles = {1e20, 9.3e18, 1e300})
    void aHugeDnIsWrittenAsTheDoubleASheetHoldsAndTheOtherSpoolsStillGetTheirMetrics(double dn) {
        Seed seed = sheets(1, 2);
        armed(seed, 1, 1, dn);
        armed(seed, 2, 2, 2.5);
        fixture.emulator().seed(seed.build());

        Response dryRun = fixture.function().post("refreshMetrics=true&dryRun=true");
        Response apply = fixture.function().post("refreshMetrics=true");

        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals(200, apply.status(), apply::toString);
        assertEquals(
                dryRun.json().getAsJsonObject("metrics").get("cellsToChange").getAsInt(),
                apply.json().getAsJsonObject("metrics").get("cellsChanged").getAsInt(),
                "the dry run predicts the apply");
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals(dn, cell(operaciones, 1, PULGADAS_ARM).getAsDouble());
        assertEquals(2.5, cell(operaciones, 2, PULGADAS_ARM).getAsDouble());
        assertEquals(1, cell(operaciones, 2, METRICS_FROM).getAsInt());
        assertUpToDateOnTheNextRun();
    }

    @Test
    void aSumNoCellCanHoldIsReportedAndSkippedAndTheOtherSpoolsStillGetTheirMetrics() {
        // Two armed unions of 1e308 inches: their sum is past the largest double.
        Seed seed = sheets(1, 2);
        armed(seed, 1, 1, 1e308);
        armed(seed, 2, 1, 1e308);
        armed(seed, 3, 2, 2.5);
        fixture.emulator().seed(seed.build());

        Response dryRun = fixture.function().post("refreshMetrics=true&dryRun=true");
        Response apply = fixture.function().post("refreshMetrics=true");

        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals(200, apply.status(), apply::toString);
        JsonObject metrics = apply.json().getAsJsonObject("metrics");
        assertEquals(
                dryRun.json().getAsJsonObject("metrics").get("cellsToChange").getAsInt(),
                metrics.get("cellsChanged").getAsInt(),
                "the dry run predicts the apply");
        JsonObject leftAlone = metrics.getAsJsonObject("leftAlone");
        assertEquals(1, leftAlone.get("count").getAsInt(), metrics::toString);
        JsonObject example = leftAlone.getAsJsonArray("examples").get(0).getAsJsonObject();
        assertEquals("Operaciones!BS2", example.get("cell").getAsString());
        assertEquals("OUT_OF_RANGE", example.get("kind").getAsString());
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals(0, cell(operaciones, 1, PULGADAS_ARM).getAsInt(), "left as it was");
        assertEquals(2, cell(operaciones, 1, METRICS_FROM).getAsInt());
        assertEquals(2.5, cell(operaciones, 2, PULGADAS_ARM).getAsDouble());
        assertUpToDateOnTheNextRun();
    }

    @Test
    void aSumADoubleCannotHoldExactlyConvergesAfterOneWrite() {
        Seed seed = sheets(1);
        armed(seed, 1, 1, 1e15);
        armed(seed, 2, 1, 0.01);
        fixture.emulator().seed(seed.build());

        Response first = fixture.function().post("refreshMetrics=true");

        assertEquals(200, first.status(), first::toString);
        assertEquals(
                "APPLIED", first.json().getAsJsonObject("metrics").get("status").getAsString());
        assertUpToDateOnTheNextRun();
    }

    @Test
    void unionesHoldingOnlyItsHeaderRowGivesEverySpoolZeros() {
        Seed seed = sized(10, 1, 1, 2);
        seed.on("Operaciones").cell(1, METRICS_FROM, 5).cell(2, PULGADAS_ARM, 1.5);
        fixture.emulator().seed(seed.build());

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        for (int row = 1; row <= 2; row++) {
            for (int c = METRICS_FROM; c < METRICS_FROM + 5; c++) {
                assertEquals(0, cell(operaciones, row, c).getAsInt(), "row " + row + " column " + c);
            }
        }
        assertUpToDateOnTheNextRun();
    }

    @Test
    void operacionesHoldingOnlyItsHeaderRowIsMigratedAndRefreshed() {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 1, 67).row(0, EarlierLayout.OPERACIONES_HEADERS);
        seed.sheet("Metadata", 20, 10).row(0, DemoSpreadsheet.METADATA_HEADERS);
        seed.sheet("Uniones", 20, 17).row(0, EarlierLayout.UNIONES_HEADERS);
        armed(seed, 1, 1, 2.5);
        fixture.emulator().seed(seed.build());

        Response first = fixture.function().post("refreshMetrics=true");
        Response second = fixture.function().post("refreshMetrics=true");

        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        assertEquals(
                0, second.json().getAsJsonObject("metrics").get("rowsChecked").getAsInt());
        assertEquals(
                1,
                second.json()
                        .getAsJsonObject("metrics")
                        .getAsJsonObject("orphanUnions")
                        .get("count")
                        .getAsInt());
        assertEquals(
                72,
                sheet(fixture.emulator().dump("demo"), "Operaciones")
                        .get("columnCount")
                        .getAsInt());
    }

    @Test
    void errorValuesInEitherOtColumnMatchNothingAndAreReported() {
        // #DIV/0! from =1/0 and #REF! from a reference to a missing sheet, in both sheets.
        Seed seed = sheets("=1/0", "=Nope!A1", 7);
        armed(seed, 1, "=1/0", 2);
        armed(seed, 2, "=Nope!A1", 3);
        armed(seed, 3, 7, 4);
        fixture.emulator().seed(seed.build());

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject metrics = response.json().getAsJsonObject("metrics");
        assertEquals(2, metrics.get("spoolsWithoutOt").getAsInt(), metrics::toString);
        assertEquals(2, metrics.getAsJsonObject("orphanUnions").get("count").getAsInt(), metrics::toString);
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        for (int c = METRICS_FROM; c < METRICS_FROM + 5; c++) {
            assertEquals(0, cell(operaciones, 1, c).getAsInt(), "an error OT joins nothing");
            assertEquals(0, cell(operaciones, 2, c).getAsInt(), "an error OT joins nothing");
        }
        assertEquals(1, cell(operaciones, 3, METRICS_FROM).getAsInt());
        assertEquals(4, cell(operaciones, 3, PULGADAS_ARM).getAsInt());
    }

    private static void assertUpToDateOnTheNextRun() {
        JsonObject before = fixture.emulator().dump("demo");
        fixture.emulator().resetCounters();

        Response next = fixture.function().post("refreshMetrics=true");

        assertEquals(200, next.status(), next::toString);
        assertEquals(
                "UP_TO_DATE",
                next.json().getAsJsonObject("metrics").get("status").getAsString(),
                next::toString);
        assertEquals(0, fixture.emulator().counters().writes(), "no cell and no audit row written again");
        assertEquals(before, fixture.emulator().dump("demo"));
        assertTrue(Dumps.auditRows(before).size() > 0, "the run before wrote, and audited");
    }

    private static List<String> header72() {
        List<String> header = new ArrayList<>(EarlierLayout.OPERACIONES_HEADERS);
        header.addAll(List.of(
                "Total_Uniones",
                "Uniones_ARM_Completadas",
                "Uniones_SOLD_Completadas",
                "Pulgadas_ARM",
                "Pulgadas_SOLD"));
        return header;
    }
}
