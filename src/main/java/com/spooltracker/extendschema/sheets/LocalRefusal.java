package com.spooltracker.extendschema.sheets;

import com.google.api.client.http.GenericUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * Tells a connection refused on this machine apart from other I/O errors. google-http-client hands the
 * I/O error handler no exception, so the address is tried once more with a bare socket: on a loopback
 * address a refusal is immediate and certain, and means nothing listens there. Other hosts are never
 * probed: a refusal from afar may be a load balancer between two instances, worth a retry.
 */
final class LocalRefusal {
    private static final int PROBE_TIMEOUT_MILLIS = 1000;

    private LocalRefusal() {}

    /** Whether {@code url}'s host is this machine and refuses connections on its port. */
    static boolean nothingListensAt(GenericUrl url) {
        String host = url.getHost();
        if (!isLoopback(host)) {
            return false;
        }
        int port = url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(unbracketed(host), port), PROBE_TIMEOUT_MILLIS);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    /** Loopback names and literals only, so that no name is ever looked up here. */
    static boolean isLoopback(String host) {
        String h = unbracketed(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1");
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
