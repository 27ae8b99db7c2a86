package com.spooltracker.extendschema;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A Sheets API to run against locally when no spreadsheet is configured: in practice the embedded Sheets
 * emulator serving the demo spreadsheet. This is the only way production code reaches the emulator. It is
 * found with {@link ServiceLoader}, never imported: the local run ({@code mvn -Plocal function:run}) and the
 * tests put an implementation on the classpath (src/local), and the deployed function has none.
 */
public interface LocalSheets {

    /**
     * Starts the local Sheets API, or returns the one already started in this JVM: every function instance
     * and every request must see the same spreadsheet.
     */
    Endpoint start();

    /**
     * @param hostPort where the Sheets v4 API listens, {@code host:port} (plain HTTP, no credentials)
     * @param rootUrl the same as a root URL, for messages
     * @param spreadsheetId the spreadsheet it serves
     */
    record Endpoint(String hostPort, String rootUrl, String spreadsheetId) {}

    /** The first implementation on the class path of this interface, if any; nothing is started yet. */
    static Optional<LocalSheets> find() {
        return ServiceLoader.load(LocalSheets.class, LocalSheets.class.getClassLoader())
                .findFirst();
    }
}
