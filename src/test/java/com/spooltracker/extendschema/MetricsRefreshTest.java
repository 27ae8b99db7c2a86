package com.spooltracker.extendschema;

import static com.spooltracker.extendschema.testing.Dumps.cell;
import static com.spooltracker.extendschema.testing.Dumps.columnsUpTo;
import static com.spooltracker.extendschema.testing.Dumps.sheet;
import static com.spooltracker.extendschema.testing.Dumps.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.local.DemoSpreadsheet;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.EarlierLayout;
import com.spooltracker.extendschema.testing.ExpectedMetrics;
import com.spooltracker.extendschema.testing.FunctionFixture;
import com.spooltracker.extendschema.testing.FunctionServer.Response;
import com.spooltracker.extendschema.testing.Seed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metrics refresh through the invoker, the real client and the emulator: every metric cell
 * checked against {@link ExpectedMetrics}, the tests' own reading of the definition.
 */
class MetricsRefreshTest {
    private static final int METRICS_FROM = 67;

    @RegisterExtension
    static final FunctionFixture fixture = FunctionFixture.spreadsheet("demo");

    @Test
    void dryRunOnTheV3DemoReportsTheDriftAfterTheMigrationWouldRunAndWritesNothing() {
        fixture.emulator().seed(DemoSpreadsheet.seed());
        JsonObject before = fixture.emulator().dump("demo");
        fixture.emulator().resetCounters();

        Response response = fixture.function().post("refreshMetrics=true&dryRun=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject json = response.json();
        assertEquals("DRY_RUN", json.get("status").getAsString());
        JsonObject metrics = json.getAsJsonObject("metrics");
        assertEquals("DRY_RUN", metrics.get("status").getAsString(), metrics::toString);
        assertEquals(DemoSpreadsheet.SPOOLS, metrics.get("rowsChecked").getAsInt());
        assertEquals(3, metrics.getAsJsonObject("orphanUnions").get("count").getAsInt(), metrics::toString);
        assertTrue(metrics.getAsJsonObject("invalidDnUnion").get("count").getAsInt() >= 3, metrics::toString);
        assertEquals(20, metrics.getAsJsonArray("examples").size());
        JsonObject example = metrics.getAsJsonArray("examples").get(0).getAsJsonObject();
        assertEquals("SP-0001", example.get("tag").getAsString());
        assertEquals("Operaciones!BP2", example.get("cell").getAsString());
        assertEquals("0", example.get("current").getAsString(), "the migration would have set 0 first");
        assertEquals(before, fixture.emulator().dump("demo"));
        assertEquals(0, fixture.emulator().counters().writes());
        assertTrue(metrics.get("message").getAsString().contains("Nothing was written"), metrics::toString);
    }

    @Test
    void oneCallMigratesAndFillsTheDemoAndTheNextFindsNothingToWrite() {
        fixture.emulator().seed(DemoSpreadsheet.seed());
        JsonObject before = fixture.emulator().dump("demo");

        Response first = fixture.function().postJson("", "{\"refreshMetrics\": true}");

        assertEquals(200, first.status(), first::toString);
        assertEquals("APPLIED", first.json().get("status").getAsString());
        JsonObject metrics = first.json().getAsJsonObject("metrics");
        assertEquals("APPLIED", metrics.get("status").getAsString(), metrics::toString);
        assertEquals("WRITTEN", metrics.getAsJsonObject("audit").get("outcome").getAsString());
        JsonObject after = fixture.emulator().dump("demo");
        assertMetricsAsExpected(before, after, List.of());
        assertEquals(
                2,
                Dumps.auditRows(after).size() - Dumps.auditRows(before).size(),
                "one audit row for the migration, one for the refresh");
        fixture.emulator().resetCounters();

        Response second = fixture.function().post("refreshMetrics=true");

        assertEquals("UP_TO_DATE", second.json().get("status").getAsString());
        assertEquals(
                "UP_TO_DATE",
                second.json().getAsJsonObject("metrics").get("status").getAsString());
        assertEquals(
                0, fixture.emulator().counters().writes(), fixture.emulator().counters()::toString);
        assertTrue(
                fixture.emulator().counters().reads() <= 2, fixture.emulator().counters()::toString);
        assertEquals(after, fixture.emulator().dump("demo"));
    }

    @Test
    void formulasArrayFormulaOutputAndTextInMetricCellsAreLeftAloneAndReported() {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 20, 72).row(0, RandomSheets.header72());
        for (int r = 1; r <= 4; r++) {
            seed.cell(r, 0, "SP-" + r).cell(r, 1, 1204);
            for (int c = METRICS_FROM; c < METRICS_FROM + 5; c++) {
                seed.cell(r, c, 7);
            }
        }
        seed.cell(1, METRICS_FROM, Seed.computed(2))
                .cell(2, METRICS_FROM, Seed.computed(5))
                .cell(3, METRICS_FROM + 1, "=1+1")
                .cell(4, METRICS_FROM + 3, "dos");
        seed.sheet("Uniones", 10, 17)
                .row(0, EarlierLayout.UNIONES_HEADERS)
                .cell(1, 1, 1204)
                .cell(1, 4, 2)
                .cell(1, 7, 45700)
                .cell(2, 1, "1204")
                .cell(2, 4, 3);
        fixture.emulator().seed(seed.build());
        JsonObject before = fixture.emulator().dump("demo");

        Response response = fixture.function().post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        JsonObject leftAlone = response.json().getAsJsonObject("metrics").getAsJsonObject("leftAlone");
        assertEquals(4, leftAlone.get("count").getAsInt(), leftAlone::toString);
        List<String> cells = new ArrayList<>();
        leftAlone
                .getAsJsonArray("examples")
                .forEach(e -> cells.add(e.getAsJsonObject().get("cell").getAsString() + " "
                        + e.getAsJsonObject().get("kind").getAsString() + " "
                        + e.getAsJsonObject().get("agrees").getAsBoolean()));
        assertEquals(
                List.of(
                        "Operaciones!BP2 FORMULA true",
                        "Operaciones!BP3 FORMULA false",
                        "Operaciones!BQ4 FORMULA false",
                        "Operaciones!BS5 TEXT false"),
                cells);
        assertMetricsAsExpected(
                before,
                fixture.emulator().dump("demo"),
                List.of(
                        new int[] {1, METRICS_FROM},
                        new int[] {2, METRICS_FROM},
                        new int[] {3, METRICS_FROM + 1},
                        new int[] {4, METRICS_FROM + 3}));
    }

    @Test
    void unionesColumnsAreFoundByHeaderWhereverTheyAreAndTheLayoutIsRememberedForTheNextRun() {
        // OT, DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN in columns A-D of a 4-column sheet: narrower than
        // the presumed layout (B, E, H, K), and named with other spacing and case.
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 10, 72).row(0, RandomSheets.header72());
        seed.cell(1, 0, "SP-1").cell(1, 1, 7).cell(2, 0, "SP-2").cell(2, 1, "7");
        seed.sheet("Metadata", 10, 11).row(0, v4Metadata());
        seed.sheet("Uniones", 10, 4)
                .row(0, List.of("ot", "dn union", "Arm_Fecha_Fin", "SOL FECHA FIN"))
                .row(1, List.of(7, 2.5, 45700, 45701))
                .row(2, List.of(" 7", "x", 45700))
                .row(3, List.of(8, 1));
        fixture.emulator().seed(seed.build());
        JsonObject before = fixture.emulator().dump("demo");

        Response first = fixture.function().post("refreshMetrics=true");

        assertEquals(200, first.status(), first::toString);
        JsonObject after = fixture.emulator().dump("demo");
        assertMetricsAsExpected(before, after, List.of());
        assertEquals(2, cell(sheet(after, "Operaciones"), 1, METRICS_FROM).getAsInt());
        JsonObject metrics = first.json().getAsJsonObject("metrics");
        assertEquals(
                "Uniones!B3",
                metrics.getAsJsonObject("invalidDnUnion")
                        .getAsJsonArray("examples")
                        .get(0)
                        .getAsJsonObject()
                        .get("cell")
                        .getAsString());
        assertEquals(
                "Uniones!A4",
                metrics.getAsJsonObject("orphanUnions")
                        .getAsJsonArray("examples")
                        .get(0)
                        .getAsJsonObject()
                        .get("cell")
                        .getAsString());
        fixture.emulator().resetCounters();

        fixture.function().post("refreshMetrics=true");

        assertEquals(
                2, fixture.emulator().counters().reads(), "the instance remembers where Uniones keeps its columns");
    }

    @Test
    void aMissingUnionesSheetIs404AndAMissingColumnIs409AfterTheMigrationStep() {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 10, 67)
                .row(0, EarlierLayout.OPERACIONES_HEADERS)
                .cell(1, 0, "SP-1")
                .cell(1, 1, 7);
        fixture.emulator().seed(seed.build());

        Response noSheet = fixture.function().post("refreshMetrics=true");

        assertEquals(404, noSheet.status(), noSheet::toString);
        assertTrue(noSheet.body().contains("no sheet 'Uniones'"), noSheet::toString);
        assertEquals(
                72,
                sheet(fixture.emulator().dump("demo"), "Operaciones")
                        .get("columnCount")
                        .getAsInt(),
                "migrated first");

        seed.sheet("Uniones", 10, 17).row(0, List.of("ID", "OT", "N_UNION", "TAG_SPOOL", "DN"));
        fixture.emulator().seed(seed.build());
        ColumnMapCache.shared().invalidateAll();

        Response noColumn = fixture.function().post("refreshMetrics=true");

        assertEquals(409, noColumn.status(), noColumn::toString);
        assertTrue(noColumn.body().contains("DN_UNION, ARM_FECHA_FIN, SOL_FECHA_FIN"), noColumn::toString);
    }

    @Test
    void theMetricsComeFromTheSheetUnionesSheetNames() {
        Seed seed = Seed.spreadsheet("demo");
        seed.sheet("Operaciones", 10, 72).row(0, RandomSheets.header72());
        seed.cell(1, 0, "SP-1").cell(1, 1, 7);
        seed.sheet("Uniones", 10, 17)
                .row(0, EarlierLayout.UNIONES_HEADERS)
                .cell(1, 1, 7)
                .cell(1, 4, 9);
        seed.sheet("Soldaduras", 10, 17)
                .row(0, EarlierLayout.UNIONES_HEADERS)
                .cell(1, 1, 7)
                .cell(1, 4, 2.5)
                .cell(1, 7, 45700)
                .cell(2, 1, 7)
                .cell(2, 4, 1);
        fixture.emulator().seed(seed.build());

        Response response = fixture.functionWith(java.util.Map.of("UNIONES_SHEET", "Soldaduras"))
                .post("refreshMetrics=true");

        assertEquals(200, response.status(), response::toString);
        assertEquals(
                "Soldaduras",
                response.json().getAsJsonObject("metrics").get("from").getAsString());
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals(2, cell(operaciones, 1, METRICS_FROM).getAsInt());
        assertEquals(1, cell(operaciones, 1, METRICS_FROM + 1).getAsInt());
        assertEquals(2.5, cell(operaciones, 1, METRICS_FROM + 3).getAsDouble());
    }

    @Test
    void withoutTheOptionTheAnswerHasNoMetricsAndTheMetricsStayZero() {
        fixture.emulator().seed(DemoSpreadsheet.seed());
        Response response = fixture.function().post("");
        assertEquals(200, response.status());
        assertFalse(response.json().has("metrics"));
        JsonObject operaciones = sheet(fixture.emulator().dump("demo"), "Operaciones");
        assertEquals(0, cell(operaciones, 1, METRICS_FROM).getAsInt());
    }

    @Test
    void badOptionsAre400s() {
        fixture.emulator().seed(DemoSpreadsheet.seed());
        assertEquals(400, fixture.function().post("refreshMetrics=yes").status());
        assertEquals(
                400,
                fixture.function()
                        .postJson("refreshMetrics=true", "{\"refreshMetrics\": false}")
                        .status());
        assertEquals(
                400,
                fixture.function()
                        .postJson("", "{\"refreshMetrics\": \"true\"}")
                        .status());
        assertEquals(
                400,
                fixture.function()
                        .postJson("", "{\"refreshMetrics\": true, \"refreshMetrics\": true}")
                        .status());
        assertEquals(0, fixture.emulator().counters().calls());
    }

    /**
     * Many spools and unions with shared OTs, OTs as numbers, padded or spaced text, blank OTs and keys,
     * duplicated tags, bad DN_UNION cells, orphans, formulas and text in metric cells, and metric cells
     * empty, right or wrong; then a second run.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomSheetsGetEveryMetricCellRightAndASecondRunWritesNothing(long seed) {
        Random random = new Random(seed);
        RandomSheets sheets = RandomSheets.generate(
                random, 150 + random.nextInt(150), 600 + random.nextInt(600), random.nextBoolean());
        fixture.emulator().seed(sheets.seed());
        JsonObject before = fixture.emulator().dump("demo");

        Response first = fixture.function().post("refreshMetrics=true");

        assertEquals(200, first.status(), first::toString);
        JsonObject after = fixture.emulator().dump("demo");
        assertMetricsAsExpected(before, after, sheets.managedCells());
        JsonObject metrics = first.json().getAsJsonObject("metrics");
        assertEquals(
                sheets.managedCells().size(),
                metrics.getAsJsonObject("leftAlone").get("count").getAsInt(),
                metrics::toString);
        fixture.emulator().resetCounters();

        Response second = fixture.function().post("refreshMetrics=true");

        assertEquals(
                "UP_TO_DATE",
                second.json().getAsJsonObject("metrics").get("status").getAsString(),
                second::toString);
        assertEquals(
                0, fixture.emulator().counters().writes(), fixture.emulator().counters()::toString);
        assertTrue(
                fixture.emulator().counters().reads() <= 2, fixture.emulator().counters()::toString);
        assertEquals(after, fixture.emulator().dump("demo"));
    }

    /**
     * Every data row's five metric cells hold what {@link ExpectedMetrics} computes, except the listed
     * formula/text cells, which are unchanged; every other cell of every sheet, Metadata included, is as
     * before (the audit sheet may have been created and gained rows).
     */
    /** The tracker's v4.0 Metadata header: its migration has nothing to do. */
    private static List<String> v4Metadata() {
        List<String> header = new ArrayList<>(DemoSpreadsheet.METADATA_HEADERS);
        header.add("N_UNION");
        return header;
    }

    static void assertMetricsAsExpected(JsonObject before, JsonObject after, List<int[]> untouched) {
        JsonObject operaciones = sheet(after, "Operaciones");
        List<ExpectedMetrics.Row> expected = ExpectedMetrics.of(operaciones, sheet(after, "Uniones"), "TAG_SPOOL");
        int checked = 0;
        for (ExpectedMetrics.Row row : expected) {
            for (int m = 0; m < 5; m++) {
                int column = METRICS_FROM + m;
                JsonElement actual = cell(operaciones, row.row(), column);
                if (untouched.stream().anyMatch(c -> c[0] == row.row() && c[1] == column)) {
                    assertEquals(cell(sheet(before, "Operaciones"), row.row(), column), actual, "left alone");
                    continue;
                }
                assertTrue(
                        actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isNumber(),
                        () -> row.tag() + " column " + column + ": " + actual);
                assertEquals(
                        0,
                        row.values().get(m).compareTo(actual.getAsBigDecimal()),
                        () -> row.tag() + " (row " + (row.row() + 1) + ") column " + column + ": expected "
                                + row.values() + ", got " + actual);
                checked++;
            }
        }
        assertTrue(checked > 0);
        assertEquals(columnsUpTo(sheet(before, "Operaciones"), METRICS_FROM), columnsUpTo(operaciones, METRICS_FROM));
        assertEquals(
                Dumps.withoutNUnion(without(without(before, "Operaciones"), Dumps.AUDIT)),
                Dumps.withoutLayoutMarks(Dumps.withoutNUnion(without(without(after, "Operaciones"), Dumps.AUDIT))));
        JsonObject beforeOps = sheet(before, "Operaciones");
        for (int r = 0; r < Dumps.rows(beforeOps).size(); r++) {
            int row = r;
            boolean dataRow = expected.stream().anyMatch(e -> e.row() == row);
            for (int c = METRICS_FROM; c < METRICS_FROM + 5 && !dataRow; c++) {
                if (r > 0) {
                    assertEquals(cell(beforeOps, r, c), cell(operaciones, r, c), "not a data row: row " + (r + 1));
                }
            }
        }
    }

    /** A random tracker: Operaciones (v3.0, or v4.0 with metric cells in any state) and Uniones. */
    record RandomSheets(JsonObject seed, List<int[]> managedCells) {
        static RandomSheets generate(Random random, int spools, int unions, boolean v4) {
            int ots = 5 + random.nextInt(spools / 3);
            Seed seed = Seed.spreadsheet("demo");
            seed.sheet("Operaciones", spools + 20, v4 ? 72 : 67).row(0, EarlierLayout.OPERACIONES_HEADERS);
            if (v4) {
                seed.row(0, header72());
            }
            List<int[]> managed = new ArrayList<>();
            for (int r = 1; r <= spools; r++) {
                int ot = random.nextInt(ots + 3); // a few spools' OTs have no union
                boolean blankKey = random.nextInt(25) == 0;
                seed.cell(
                        r,
                        0,
                        blankKey ? (random.nextBoolean() ? null : " ") : "SP-" + (random.nextInt(10) == 0 ? 1 : r));
                seed.cell(r, 1, random.nextInt(30) == 0 ? (random.nextBoolean() ? null : "  ") : otValue(random, ot));
                seed.cell(r, 65, 3);
                if (v4) {
                    for (int c = METRICS_FROM; c < METRICS_FROM + 5; c++) {
                        int pick = random.nextInt(20);
                        Object value = pick < 6
                                ? null
                                : pick < 14
                                        ? random.nextInt(4)
                                        : pick < 17
                                                ? new BigDecimal(random.nextInt(400)).movePointLeft(2)
                                                : pick == 17 ? "n/d" : pick == 18 ? "=1+1" : 99;
                        seed.cell(r, c, value);
                        if ((value instanceof String) && !blankKey) {
                            managed.add(new int[] {r, c});
                        }
                    }
                }
            }
            seed.sheet("Uniones", unions + 10, 17).row(0, EarlierLayout.UNIONES_HEADERS);
            for (int r = 1; r <= unions; r++) {
                if (random.nextInt(40) == 0) {
                    continue; // a blank line
                }
                int ot = random.nextInt(ots) + (random.nextInt(25) == 0 ? 1000 : 0); // some orphans
                seed.cell(r, 0, "U-" + r);
                seed.cell(r, 1, random.nextInt(40) == 0 ? null : otValue(random, ot));
                int dn = random.nextInt(30);
                seed.cell(
                        r,
                        4,
                        dn == 0
                                ? "N/A"
                                : dn == 1
                                        ? "2,5"
                                        : dn == 2
                                                ? null
                                                : dn == 3
                                                        ? " 1.5 "
                                                        : new BigDecimal(random.nextInt(1200) + 25).movePointLeft(2));
                int progress = random.nextInt(3);
                seed.cell(r, 7, progress >= 1 ? 45700.5 + r : null);
                seed.cell(r, 10, progress >= 2 ? (random.nextInt(20) == 0 ? "sí" : 45710.25 + r) : null);
            }
            seed.sheet("Metadata", 50, 10).row(0, DemoSpreadsheet.METADATA_HEADERS);
            return new RandomSheets(seed.build(), managed);
        }

        /** The same OT as a number, as text, padded with zeros or spaces, or as a code. */
        private static Object otValue(Random random, int ot) {
            if (ot % 7 == 3) {
                return "OT-" + ot;
            }
            return switch (random.nextInt(5)) {
                case 0 -> String.valueOf(1200 + ot);
                case 1 -> " " + (1200 + ot) + " ";
                case 2 -> "00" + (1200 + ot);
                default -> 1200 + ot;
            };
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
}
