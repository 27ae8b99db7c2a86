package com.spooltracker.extendschema.local;

import com.spooltracker.extendschema.LocalSheets;
import io.sheetsemulator.SheetsEmulator;

/**
 * The local run's Sheets API: one embedded emulator per JVM, seeded with the demo spreadsheet when first
 * asked for. It joins the class path only in the local run and the tests (see the pom's {@code local}
 * profile), and the function finds it through {@link LocalSheets#find()}.
 */
public final class EmbeddedDemoSheets implements LocalSheets {
    private static SheetsEmulator emulator;

    @Override
    public Endpoint start() {
        SheetsEmulator running = demo();
        return new Endpoint(running.hostPort(), running.rootUrl(), DemoSpreadsheet.ID);
    }

    private static synchronized SheetsEmulator demo() {
        if (emulator == null) {
            emulator = SheetsEmulator.start();
            emulator.seed(DemoSpreadsheet.seed());
        }
        return emulator;
    }
}
