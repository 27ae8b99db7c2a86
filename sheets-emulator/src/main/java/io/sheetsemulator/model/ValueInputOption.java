package io.sheetsemulator.model;

import java.util.regex.Pattern;

/**
 * How written values are interpreted. USER_ENTERED follows the en_US UI for the cases the emulator
 * supports: plain numbers ({@code 12}, {@code -3.5}, {@code 1e3}), TRUE/FALSE in any case, a leading
 * {@code =} for formulas, a leading {@code '} to force text, and ISO dates {@code yyyy-mm-dd}, which
 * become a serial number with a DATE format {@code yyyy-mm-dd} (as the UI does) unless the cell is
 * already formatted. Thousands separators, currency, percentages, times and locale dates stay text.
 */
public enum ValueInputOption {
    RAW,
    USER_ENTERED;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    static final NumberFormat ISO_DATE_FORMAT = NumberFormat.of("DATE", "yyyy-mm-dd");

    /** Interprets one JSON scalar: a String, a Double, a Boolean or null. */
    public Entry entry(Object json) {
        if (json == null) {
            return Entry.SKIP;
        }
        if (json instanceof Boolean b) {
            return new Entry.Put(new CellValue.Bool(b), null);
        }
        if (json instanceof Double d) {
            return new Entry.Put(new CellValue.Num(d), null);
        }
        String text = (String) json;
        if (text.isEmpty()) {
            return Entry.CLEAR;
        }
        return this == RAW ? new Entry.Put(new CellValue.Text(text), null) : userEntered(text);
    }

    private static Entry userEntered(String text) {
        if (text.startsWith("'")) {
            return text.length() == 1 ? Entry.CLEAR : new Entry.Put(new CellValue.Text(text.substring(1)), null);
        }
        if (text.startsWith("=") && text.length() > 1) {
            return new Entry.Put(new CellValue.Formula(text), null);
        }
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("TRUE") || trimmed.equalsIgnoreCase("FALSE")) {
            return new Entry.Put(new CellValue.Bool(trimmed.equalsIgnoreCase("TRUE")), null);
        }
        if (NUMBER.matcher(trimmed).matches()) {
            return new Entry.Put(new CellValue.Num(Double.parseDouble(trimmed)), null);
        }
        var date = ISO_DATE.matcher(trimmed);
        if (date.matches()) {
            Double serial = DateSerial.fromDate(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            if (serial != null) {
                return new Entry.Put(new CellValue.Num(serial), ISO_DATE_FORMAT);
            }
        }
        return new Entry.Put(new CellValue.Text(text), null);
    }
}
