package com.spooltracker.extendschema;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The port the Functions Framework invoker is about to listen on, checked before it does. The invoker
 * (2.0.0) opens its port with SO_REUSEPORT, so a second {@code mvn -Plocal function:run} on a busy port
 * does not fail: both processes listen and the kernel splits the requests between them, each answering
 * from its own embedded demo spreadsheet. The invoker creates the function before it binds, so the
 * function can refuse to start instead.
 */
final class InvokerPort {
    /** The function-maven-plugin's default for {@code run.port}, and the invoker's without PORT. */
    static final int DEFAULT = 8080;

    private InvokerPort() {}

    /**
     * The port: {@code -Drun.port} (function:run), else {@code PORT}; else 8080 when this JVM is Maven's
     * (function:run runs the invoker inside it). Empty when it cannot be known (another launcher).
     */
    static OptionalInt of(Map<String, String> env, Properties properties) {
        String port = properties.getProperty("run.port", env.get("PORT"));
        if (port != null && port.trim().matches("[0-9]{1,5}")) {
            return OptionalInt.of(Integer.parseInt(port.trim()));
        }
        return properties.getProperty("maven.home") != null ? OptionalInt.of(DEFAULT) : OptionalInt.empty();
    }

    /**
     * @throws IllegalStateException when something listens on {@code port} already: the invoker then
     *     stops before it listens, and function:run fails with this message
     */
    static void ensureFree(int port) {
        if (port == 0) {
            return;
        }
        // Without SO_REUSEPORT, this bind fails while any socket listens on the port, the invoker's included.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
        } catch (BindException busy) {
            IllegalStateException refused =
                    new IllegalStateException("Port " + port + " is already in use, probably by another `mvn "
                            + "-Plocal function:run`. The Functions Framework invoker would listen beside it (it opens its "
                            + "port with SO_REUSEPORT), and the two would split the requests between them, each with its own "
                            + "demo spreadsheet in local mode. Stop the other one, or start this one on a free port: "
                            + "-Drun.port=" + (port == 65535 ? 8081 : port + 1) + ".");
            // Said here too: function:run shows the exception only deep in a stack trace.
            System.err.println("ERROR extendSchema: " + refused.getMessage());
            throw refused;
        } catch (IOException other) {
            // Not a busy port (e.g. no permission for a low port): the invoker's own bind will say what it is.
        }
    }
}
