package com.spooltracker.extendschema.logging;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is logged: bearer tokens, Google OAuth access
 * tokens ({@code ya29.…}), JWTs (identity tokens), API keys ({@code AIza…}), credentials in URL
 * queries and PEM private keys. Callers should never
 * pass such values; this is the second line of defence.
 */
public final class Redaction {

    static final String REDACTED = "[REDACTED]";

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+");
    /*
     * No word boundary before the prefixes: "_ya29.…" or "1AIza…" still carries the credential, and
     * what a caller sends may glue anything to it.
     */
    private static final Pattern ACCESS_TOKEN = Pattern.compile("ya29\\.[A-Za-z0-9._-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** Google API keys: "AIza" and 35 more characters. */
    private static final Pattern API_KEY = Pattern.compile("AIza[0-9A-Za-z_-]{20,}");

    private static final int CALLER_TEXT_CHARS = 40;
    /** Credentials carried in a URL's query, e.g. {@code ?access_token=…} or {@code &key=…}. */
    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&](?:access_token|api_key|key|token|client_secret)=)[^&\\s\"']+");

    /** Field names whose whole value is withheld, whatever it looks like. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("authorization|token|secret|password|credential|private_?key|api_?key");

    private Redaction() {}

    /** Whether {@code text} holds something {@link #redact} would remove. */
    public static boolean looksSecret(String text) {
        return text != null && !text.equals(redact(text));
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = PRIVATE_KEY.matcher(text).replaceAll(REDACTED);
        result = BEARER.matcher(result).replaceAll("$1 " + REDACTED);
        result = ACCESS_TOKEN.matcher(result).replaceAll(REDACTED);
        result = API_KEY.matcher(result).replaceAll(REDACTED);
        result = QUERY_SECRET.matcher(result).replaceAll("$1" + REDACTED);
        return JWT.matcher(result).replaceAll(REDACTED);
    }

    /**
     * Text a caller sent (a query parameter, a body field, a Content-Type, a command-line argument),
     * fit to echo in an error message and so in the log: withheld whole when {@link #redact} would
     * remove anything from it, control characters replaced, bounded.
     */
    public static String callerText(String text) {
        if (text == null) {
            return "";
        }
        if (looksSecret(text)) {
            // Never echo a credential, not even to the caller who sent it: answers end up in logs.
            return "(withheld: it looks like a credential)";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > CALLER_TEXT_CHARS ? clean.substring(0, CALLER_TEXT_CHARS) + "…" : clean;
    }

    static boolean isSecretName(String fieldName) {
        return SECRET_NAME.matcher(fieldName.toLowerCase(Locale.ROOT)).find();
    }
}
