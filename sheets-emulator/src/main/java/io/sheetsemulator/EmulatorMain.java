package io.sheetsemulator;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sheetsemulator.model.SeedFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code mvn -q -f sheets-emulator/pom.xml compile exec:java -Dexec.args="--port 9090"}.
 * Options: {@code --port N} (default 9090), {@code --seed FILE.json} (default: {@link #EXAMPLE}, a one-sheet example),
 * {@code --help}. Stops on Ctrl-C.
 */
public final class EmulatorMain {

    private static final String USAGE = """
      Usage: EmulatorMain [--port N] [--seed FILE.json] [--help]
        --port N          listen on 127.0.0.1:N (default 9090; 0 = any free port)
        --seed FILE.json  serve the spreadsheet in FILE.json (seed format) instead of the example
                          spreadsheet 'example' (Sheet1: name/qty, bolt/12, nut/3)
        --help            print this help
      Admin API under /admin/ (see README); stop with Ctrl-C.""";

    /**
     * What a standalone emulator serves without {@code --seed}: a spreadsheet {@code example} whose
     * {@code Sheet1} holds three rows, enough to see a client talk to it. More spreadsheets can be added
     * through {@code PUT /admin/spreadsheets}.
     */
    static final String EXAMPLE = """
            {"spreadsheetId":"example","title":"Example","sheets":[
              {"title":"Sheet1","rows":[["name","qty"],["bolt",12],["nut",3]]}]}""";

    private EmulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 9090;
        Path seed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                case "--port" -> port = port(value(args, ++i));
                case "--seed" -> seed = Path.of(value(args, ++i));
                default -> {
                    System.err.println("Unknown option: " + args[i]);
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        // The seed is read and checked before the port opens, so a bad one fails fast instead of serving 404s.
        JsonObject spreadsheet = seed == null ? null : readSeed(seed);
        SheetsEmulator emulator;
        try {
            emulator = SheetsEmulator.start(port);
        } catch (UncheckedIOException e) {
            System.err.println(
                    "Cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        emulator.seed(spreadsheet == null ? EXAMPLE : spreadsheet.toString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("Sheets emulator listening on " + emulator.rootUrl() + " serving spreadsheets "
                + emulator.spreadsheetIds() + " (admin API at " + emulator.rootUrl() + "admin/; Ctrl-C to stop)");
        stopped.await();
    }

    /** The seed file as JSON, checked against the seed format; exits 2 naming the file and the reason. */
    private static JsonObject readSeed(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return fail(file, "no such file");
        } catch (IOException e) {
            return fail(file, "cannot read it (" + e + ")");
        }
        JsonObject json;
        try {
            JsonElement element = strictJson(text);
            if (!element.isJsonObject()) {
                return fail(file, "it is not a JSON object");
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException e) {
            return fail(file, "it is not valid JSON (" + e.getMessage() + ")");
        }
        try {
            SeedFormat.read(json);
        } catch (IllegalArgumentException
                | IllegalStateException
                | ClassCastException
                | UnsupportedOperationException e) {
            return fail(file, "it is not a valid seed: " + e.getMessage());
        }
        return json;
    }

    /**
     * The whole text as one JSON value, read strictly (RFC 8259). Gson's JsonParser reads leniently: it
     * takes a trailing comma as a null element, single quotes and comments, so a typo would seed a
     * different spreadsheet instead of being refused.
     */
    static JsonElement strictJson(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("more than one JSON value, at " + reader.getPath());
            }
            return element;
        } catch (IOException e) {
            throw new JsonSyntaxException(e.getMessage(), e);
        }
    }

    private static JsonObject fail(Path file, String reason) {
        System.err.println("Bad --seed " + file + ": " + reason + ". See the README's seed format.");
        System.exit(2);
        return null;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("Bad --port " + text + ": a number from 0 to 65535 is needed");
        System.exit(2);
        return -1;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("Missing value for " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}
