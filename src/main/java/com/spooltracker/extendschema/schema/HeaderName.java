package com.spooltracker.extendschema.schema;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Header normalization exactly as the v3.0 tracker code does it: Unicode NFKD, combining marks
 * dropped, lower-cased, spaces, underscores and slashes removed. {@code "Fecha_QC_Metrología"} and
 * {@code "fecha qc/metrologia"} both become {@code "fechaqcmetrologia"}.
 */
public final class HeaderName {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[ _/]");

    private HeaderName() {}

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(header, Normalizer.Form.NFKD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
