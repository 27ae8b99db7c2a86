package com.spooltracker.extendschema.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Maven command the README and {@code docs/} give and CI runs says {@code -ntp}: without it a first run prints a
 * progress line per downloaded file, hundreds of lines before anything of the project's own.
 */
class MavenCommandsTest {
    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    /** mvn followed by its options and goals, on a command line. */
    private static final Pattern MVN = Pattern.compile("(?:^|\\s)mvn (\\S.*)");

    @Test
    void theReadmesCommandLinesAndCiRunMavenWithoutTransferProgress() throws IOException {
        List<String> without = new ArrayList<>();
        without.addAll(commandsWithoutNtp(BASEDIR.resolve("README.md"), true));
        try (Stream<Path> docs = Files.list(BASEDIR.resolve("docs"))) {
            for (Path doc :
                    docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                without.addAll(commandsWithoutNtp(doc, true));
            }
        }
        without.addAll(commandsWithoutNtp(BASEDIR.resolve(".ci/run"), false));

        assertEquals(List.of(), without);
    }

    /** In Markdown, the command lines of its code blocks (what is pasted); in a script, every line. */
    private static List<String> commandsWithoutNtp(Path file, boolean markdown) throws IOException {
        List<String> without = new ArrayList<>();
        boolean inCode = !markdown;
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (markdown && line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode) {
                Matcher mvn = MVN.matcher(line.replaceFirst("#.*", ""));
                while (mvn.find()) {
                    if (!mvn.group(1).contains("-ntp")) {
                        without.add(file.getFileName() + ":" + (n + 1) + ": " + line.strip());
                    }
                }
            }
        }
        return without;
    }
}
