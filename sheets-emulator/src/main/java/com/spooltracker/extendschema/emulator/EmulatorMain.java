package com.spooltracker.extendschema.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code mvn -q -f sheets-emulator/pom.xml compile exec:java -Dexec.args="--port 9090"}.
 * Options: {@code --port N} (default 9090), {@code --seed FILE.json} (default: the demo spreadsheet),
 * {@code --help}. Stops on Ctrl-C.
 */
public final class EmulatorMain {

    private static final String USAGE = """
      Usage: EmulatorMain [--port N] [--seed FILE.json] [--help]
        --port N          listen on 127.0.0.1:N (default 9090; 0 = any free port)
        --seed FILE.json  serve the spreadsheet in FILE.json (seed format) instead of the demo
        --help            print this help
      Admin API under /admin/ (see README); stop with Ctrl-C.""";

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
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Path.of(value(args, ++i));
                default -> {
                    System.err.println("Unknown option: " + args[i]);
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        SheetsEmulator emulator = SheetsEmulator.start(port);
        if (seed == null) {
            emulator.seedDemo();
        } else {
            emulator.seed(Files.readString(seed, StandardCharsets.UTF_8));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("Sheets emulator listening on " + emulator.rootUrl() + " serving spreadsheets "
                + emulator.spreadsheetIds() + " (admin API at " + emulator.rootUrl() + "admin/; Ctrl-C to stop)");
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("Missing value for " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}
