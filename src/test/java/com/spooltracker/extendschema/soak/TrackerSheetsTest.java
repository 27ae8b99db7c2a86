package com.spooltracker.extendschema.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sheetsemulator.model.SeedFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The soak's sheets: seeds the emulator accepts, in every layout, with every odd value the brief names. */
class TrackerSheetsTest {
    @Test
    void aHundredSheetsCoverBothVersionsBothLayoutsAndEveryOddValue() {
        Random random = new Random(1);
        List<String> seeds = new ArrayList<>();
        List<TrackerSheets.Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TrackerSheets.Generated generated = TrackerSheets.generate(random);
            SeedFormat.read(generated.seedAs("s" + i));
            seeds.add(generated.seed().toString());
            shapes.add(generated.shape());
        }
        String all = String.join("\n", seeds);

        assertTrue(shapes.stream().anyMatch(TrackerSheets.Shape::v4));
        assertTrue(shapes.stream().anyMatch(s -> !s.v4()));
        assertTrue(shapes.stream().anyMatch(TrackerSheets.Shape::trackerLayout));
        assertTrue(shapes.stream().anyMatch(s -> !s.trackerLayout()));
        assertTrue(shapes.stream().anyMatch(TrackerSheets.Shape::engineeringUniones));
        assertTrue(shapes.stream().anyMatch(s -> s.spools() > 12));
        for (String odd : List.of(
                "1.0E20",
                "1.0E300",
                "1.0E15",
                "0.01",
                "\"N/A\"",
                "\"#N/A\"",
                "\"=1/0\"",
                "\"=\\\"\\\"\"",
                "\" \"",
                "\";;;\"",
                "\"SP-H",
                "{\"computed\":",
                "=COUNTIF(Uniones!$B:$B,",
                "\"ver nota\"")) {
            assertTrue(all.contains(odd), () -> "no sheet holds " + odd);
        }
    }

    @Test
    void theTrackersOperacionesLayoutHasNvInBOtInCAndTheKeyInG() {
        TrackerSheets.Generated generated;
        Random random = new Random(3);
        do {
            generated = TrackerSheets.generate(random);
        } while (!generated.shape().trackerLayout());
        Grid ops = new Grid(generated.seed().getAsJsonArray("sheets").get(0).getAsJsonObject());

        assertEquals(
                List.of("NV", "OT", TrackerSheets.KEY_HEADER), List.of(ops.header(1), ops.header(2), ops.header(6)));
        assertEquals("Estado_Detalle", ops.header(66));
    }
}
