package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone emulator refuses a bad --seed before it opens its port, naming the file and the reason. */
class EmulatorMainTest {

    @TempDir
    static Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(javaBin, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        // A safety net only: a refused seed exits at once, well before this.
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the emulator did not exit");
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing.json | <none>                                       | no such file",
                "text.json    | not json at all {                            | it is not valid JSON",
                "array.json   | [1, 2]                                       | it is not a JSON object",
                "noid.json    | {\"sheets\": []}                             | it is not a valid seed: seed: spreadsheetId is required",
                "grid.json    | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\", \"rowCount\": 1, \"rows\": [[1], [2]]}]} "
                        + "| it is not a valid seed: seed: sheet S has 2 rows, grid has 1",
                "sheet.json   | {\"spreadsheetId\": \"x\", \"sheet\": [{\"title\": \"S\"}]} "
                        + "| it is not a valid seed: seed: unknown key \"sheet\" in the spreadsheet (known keys: "
                        + "spreadsheetId, title, locale, timeZone, sheets, developerMetadata)",
                "typo.json    | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\", \"colummCount\": 67}]} "
                        + "| it is not a valid seed: seed: unknown key \"colummCount\" in sheet S (known keys: title, ",
                "comma.json   | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\"},]} "
                        + "| it is not valid JSON (",
                "comma2.json  | {\"spreadsheetId\": \"x\", \"sheets\": [],} | it is not valid JSON (",
                "quoted.json  | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\", \"rowCount\": \"1000\"}]} "
                        + "| it is not a valid seed: seed: rowCount of sheet S must be a whole number, not \"1000\"",
                "half.json    | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\", \"columnCount\": 2.5}]} "
                        + "| it is not a valid seed: seed: columnCount of sheet S must be a whole number, not 2.5",
                "sheets.json  | {\"spreadsheetId\": \"x\", \"sheets\": {\"title\": \"S\"}} "
                        + "| it is not a valid seed: seed: sheets of the spreadsheet must be an array",
                "format.json  | {\"spreadsheetId\": \"x\", \"sheets\": [{\"title\": \"S\", \"formats\": [{\"range\": \"A1\", \"typ\": \"DATE\"}]}]} "
                        + "| it is not a valid seed: seed: unknown key \"typ\" in a format of sheet S",
                "meta.json    | {\"spreadsheetId\": \"x\", \"developerMetadata\": [{\"metadataKey\": \"k\", \"metadataValu\": \"v\"}]} "
                        + "| it is not a valid seed: seed: unknown key \"metadataValu\" in a developerMetadata entry",
                "two.json     | {\"spreadsheetId\": \"x\"} {} | it is not valid JSON (",
            })
    void aBadSeedFailsFastNamingTheFileAndTheReason(String name, String content, String reason) throws Exception {
        Path seed = dir.resolve(name);
        if (!content.equals("<none>")) {
            Files.writeString(seed, content);
        }
        Run run = run("--port", Integer.toString(freePort()), "--seed", seed.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Bad --seed " + seed + ": " + reason), run.err());
        assertFalse(run.out().contains("listening"), run.out());
    }

    @ParameterizedTest(name = "--port {0}")
    @CsvSource({"abc", "70000"})
    void aBadPortIsRefused(String port) throws Exception {
        Run run = run("--port", port);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Bad --port " + port), run.err());
    }

    @Test
    @Timeout(60)
    void withoutASeedItServesTheExampleSpreadsheet() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorMain.class.getName(),
                        "--port",
                        "0")
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String banner = out.readLine();
            assertTrue(banner.contains("serving spreadsheets [example]"), banner);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
