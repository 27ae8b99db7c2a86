package com.spooltracker.extendschema.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sheetsemulator.SheetsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedFileTest {

    @Test
    void theSeedFileServesTheDemoSpreadsheet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.json");
        DemoSeedFile.main(new String[] {file.toString()});
        try (SheetsEmulator fromFile = SheetsEmulator.start();
                SheetsEmulator direct = SheetsEmulator.start()) {
            fromFile.seed(Files.readString(file));
            direct.seed(DemoSpreadsheet.seed());
            assertEquals(direct.dump(DemoSpreadsheet.ID), fromFile.dump(DemoSpreadsheet.ID));
        }
    }
}
