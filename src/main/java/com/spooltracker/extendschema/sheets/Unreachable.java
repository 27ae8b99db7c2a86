package com.spooltracker.extendschema.sheets;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.sheets.v4.Sheets;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A Sheets call that got no HTTP answer at all (refused, reset, timed out, unknown host), with
 * where it went and what was tried, so that the failure message can say so. The I/O error it
 * stands for is its cause.
 */
final class Unreachable extends IOException {
    private static final int CAUSE_CHARS = 120;

    /**
     * What one request tried before it gave up without an answer.
     *
     * @param stop why there was no further attempt, as a clause
     * @param refusedLocally the host is this machine and refused the connection: nothing listens there
     * @param emulator the request went to an emulator (no credentials), not to Google
     */
    record Tried(
            String host, int attempts, long elapsedMillis, String stop, boolean refusedLocally, boolean emulator) {}

    private final String host;
    private final Optional<Tried> tried;

    private Unreachable(String host, Optional<Tried> tried, IOException cause) {
        super("no answer from " + host, cause);
        this.host = host;
        this.tried = tried;
    }

    /**
     * {@code e} as an {@code Unreachable} naming the host and, when the request went through a
     * {@link RetryingInitializer}, its attempts; an HTTP answer is returned as it is.
     */
    static IOException explain(Sheets sheets, IOException e) {
        if (e instanceof HttpResponseException || e instanceof Unreachable) {
            return e;
        }
        Optional<Tried> tried = sheets.getRequestFactory().getInitializer() instanceof RetryingInitializer retrying
                ? retrying.lastGaveUp()
                : Optional.empty();
        String host = tried.map(Tried::host).orElseGet(() -> Retry.host(new GenericUrl(sheets.getRootUrl())));
        return new Unreachable(host, tried, e);
    }

    /**
     * Whether running again, as it is, can get past this failure. Not when nothing listens at a local
     * address: that needs someone to start the emulator or correct the address first.
     */
    boolean rerunHelps() {
        return tried.map(t -> !t.refusedLocally()).orElse(true);
    }

    /** A sentence for the failure message: the host, the call, what was tried and why it stopped. */
    String sentence(String call) {
        if (tried.filter(Tried::refusedLocally).isPresent()) {
            return refusedLocally(call, tried.get().emulator());
        }
        String last = causeSummary();
        return tried.map(t -> "Could not reach Google Sheets at " + host + " for " + call + ": "
                        + t.attempts() + (t.attempts() == 1 ? " attempt" : " attempts") + " over "
                        + String.format(Locale.ROOT, "%.1f s", t.elapsedMillis() / 1000.0)
                        + " got no answer (the last: " + last + "), and " + t.stop() + ".")
                .orElse("Could not reach Google Sheets at " + host + " for " + call + " (" + last + ").");
    }

    /**
     * Nothing listens at a local address. For an emulator, the way to start one there: the README's
     * standalone emulator command with this port.
     */
    private String refusedLocally(String call, boolean emulator) {
        if (!emulator) {
            return "Could not reach Google Sheets at " + host + " for " + call + ": the connection was refused, "
                    + "nothing listens there on this machine, so it was not retried.";
        }
        String port = host.substring(host.lastIndexOf(':') + 1);
        return "Could not reach the Sheets emulator at " + host + " (SHEETS_EMULATOR_HOST, or --emulator) for "
                + call + ": the connection was refused, nothing listens there, so it was not retried. Start the "
                + "emulator: mvn -ntp -q -f sheets-emulator/pom.xml compile exec:java -Dexec.args=\"--port " + port
                + "\" (README, Sheets emulator), or point SHEETS_EMULATOR_HOST (--emulator) at the one that runs; "
                + "then run again.";
    }

    /** The I/O error's type and the JDK's short text ("Connection refused"); never a response body. */
    private String causeSummary() {
        Throwable cause = getCause();
        String text =
                cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\s+", " ");
        String summary = cause.getClass().getSimpleName() + text;
        return summary.length() > CAUSE_CHARS ? summary.substring(0, CAUSE_CHARS) + "…" : summary;
    }
}
