package io.sheetsemulator.model;

import java.util.regex.Pattern;

/**
 * How Google writes a sheet title inside a range it echoes: bare when it is a plain identifier that
 * cannot be mistaken for a cell, otherwise in single quotes with embedded quotes doubled.
 */
public final class SheetTitles {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LOOKS_LIKE_CELL = Pattern.compile("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*|TRUE|FALSE");

    private SheetTitles() {}

    public static String quoteIfNeeded(String title) {
        if (PLAIN.matcher(title).matches() && !LOOKS_LIKE_CELL.matcher(title).matches()) {
            return title;
        }
        return "'" + title.replace("'", "''") + "'";
    }
}
