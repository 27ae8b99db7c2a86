package com.spooltracker.extendschema.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo spreadsheet as a seed file, for a standalone emulator ({@code --seed FILE}): the emulator
 * library has no demo of its own. {@code mvn -q -Plocal compile exec:java
 * -Dexec.mainClass=com.spooltracker.extendschema.local.DemoSeedFile -Dexec.args=target/demo.json}
 */
public final class DemoSeedFile {

    private DemoSeedFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: DemoSeedFile FILE.json");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, DemoSpreadsheet.seed().toString(), StandardCharsets.UTF_8);
        System.out.println("Wrote the demo spreadsheet to " + file + "; start the emulator with --seed " + file);
    }
}
