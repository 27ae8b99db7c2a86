package com.spooltracker.extendschema.architecture.violations.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks the pure-metrics rule on purpose (ArchitectureTest): a metrics class that reads a file. */
public final class ReadsAFile {
    static String read(Path path) throws IOException {
        return Files.readString(path);
    }
}
