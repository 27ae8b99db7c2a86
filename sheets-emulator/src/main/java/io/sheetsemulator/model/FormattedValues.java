package io.sheetsemulator.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text a cell shows (FORMATTED_VALUE), for the en_US locale. Covers the General format, DATE /
 * TIME / DATE_TIME patterns (yyyy, yy, mmmm, mmm, mm, m, dd, d, dddd, ddd, hh, h, ss, am/pm) and
 * decimal patterns such as {@code #,##0.00} or {@code 0.0%}.
 */
public final class FormattedValues {

    private FormattedValues() {}

    /** The text {@code value} shows under {@code format}; "" for null (a cell showing nothing). */
    public static String of(EffectiveValue value, NumberFormat format) {
        if (value == null) {
            return "";
        }
        if (value instanceof CellValue.Text t) {
            return text(t.text(), format);
        }
        if (value instanceof CellValue.Bool b) {
            return b.bool() ? "TRUE" : "FALSE";
        }
        if (value instanceof EffectiveValue.Error e) {
            return e.type().shown();
        }
        return number(((CellValue.Num) value).number(), format);
    }

    static String number(double n, NumberFormat format) {
        if (format == null || format.type().equals("TEXT")) {
            return general(n);
        }
        String pattern = format.hasPattern() ? format.pattern() : defaultPattern(format.type());
        if (pattern == null) {
            return general(n);
        }
        List<String> sections = sections(pattern);
        if (sections.size() > 1) {
            // positive; negative; zero (developers.google.com/sheets/api/guides/formats, the ";" token). The
            // negative section shows the number without its sign; an empty section shows nothing.
            String section = n > 0 || sections.size() == 2 && n == 0
                    ? sections.get(0)
                    : n < 0 ? sections.get(1) : sections.get(2);
            if (section.isEmpty()) {
                return "";
            }
            if (!section.replaceAll("\"[^\"]*\"", "").matches(".*[0#?].*")) {
                return section.replace("\"", ""); // only literal text
            }
            pattern = section;
            n = Math.abs(n);
        }
        return switch (format.type()) {
            case "DATE", "TIME", "DATE_TIME" -> dateTime(DateSerial.toDateTime(n), pattern);
            default -> decimal(n, pattern);
        };
    }

    /** The General format: up to 15 significant digits, no trailing zeros. */
    public static String general(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return Long.toString((long) n);
        }
        return new BigDecimal(n)
                .round(new MathContext(15, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Text under a pattern of four sections shows as the fourth: empty shows nothing, {@code @} is the
     * text itself. With fewer sections text shows as it is.
     */
    private static String text(String text, NumberFormat format) {
        if (format == null || !format.hasPattern()) {
            return text;
        }
        List<String> sections = sections(format.pattern());
        if (sections.size() < 4) {
            return text;
        }
        return sections.get(3).replace("\"", "").replace("@", text);
    }

    /** A pattern's sections, split at semicolons outside quotes. */
    private static List<String> sections(String pattern) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                sections.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        sections.add(current.toString());
        return sections;
    }

    private static String defaultPattern(String type) {
        return switch (type) {
            case "DATE" -> "M/d/yyyy";
            case "TIME" -> "h:mm:ss am/pm";
            case "DATE_TIME" -> "M/d/yyyy H:mm:ss";
            case "NUMBER" -> "#,##0.00";
            case "PERCENT" -> "0.00%";
            case "CURRENCY" -> "\"$\"#,##0.00";
            case "SCIENTIFIC" -> "0.00E+00";
            default -> null;
        };
    }

    private static String decimal(double n, String pattern) {
        try {
            DecimalFormat format = new DecimalFormat(
                    pattern.replace("\"", "'").replace("E+", "E"), DecimalFormatSymbols.getInstance(Locale.US));
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format.format(n);
        } catch (IllegalArgumentException e) {
            return general(n);
        }
    }

    static String dateTime(LocalDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        String p = pattern;
        boolean twelveHour = p.toLowerCase(Locale.ROOT).contains("am/pm");
        boolean lastWasHour = false;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            char lower = Character.toLowerCase(c);
            int run = 1;
            while (i + run < p.length() && Character.toLowerCase(p.charAt(i + run)) == lower) {
                run++;
            }
            if (lower == '"') {
                int close = p.indexOf('"', i + 1);
                close = close < 0 ? p.length() : close;
                out.append(p, i + 1, close);
                i = close + 1;
                continue;
            }
            if (lower == '\\' && i + 1 < p.length()) {
                out.append(p.charAt(i + 1));
                i += 2;
                continue;
            }
            if (p.regionMatches(true, i, "am/pm", 0, 5)) {
                out.append(t.getHour() < 12 ? "AM" : "PM");
                i += 5;
                continue;
            }
            switch (lower) {
                case 'y' ->
                    out.append(run <= 2 ? String.format("%02d", t.getYear() % 100) : Integer.toString(t.getYear()));
                case 'd' ->
                    out.append(
                            switch (run) {
                                case 1 -> Integer.toString(t.getDayOfMonth());
                                case 2 -> String.format("%02d", t.getDayOfMonth());
                                case 3 -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
                                default -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
                            });
                case 'h' -> {
                    int hour = twelveHour ? (t.getHour() % 12 == 0 ? 12 : t.getHour() % 12) : t.getHour();
                    out.append(run == 1 ? Integer.toString(hour) : String.format("%02d", hour));
                }
                case 's' ->
                    out.append(run == 1 ? Integer.toString(t.getSecond()) : String.format("%02d", t.getSecond()));
                case 'm' -> {
                    if (lastWasHour || followedBySeconds(p, i + run)) {
                        out.append(run == 1 ? Integer.toString(t.getMinute()) : String.format("%02d", t.getMinute()));
                    } else {
                        out.append(
                                switch (run) {
                                    case 1 -> Integer.toString(t.getMonthValue());
                                    case 2 -> String.format("%02d", t.getMonthValue());
                                    case 3 -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
                                    default -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
                                });
                    }
                }
                default -> out.append(p, i, i + run);
            }
            if (Character.isLetter(c)) {
                lastWasHour = lower == 'h';
            }
            i += run;
        }
        return out.toString();
    }

    private static boolean followedBySeconds(String p, int from) {
        for (int i = from; i < p.length(); i++) {
            char c = Character.toLowerCase(p.charAt(i));
            if (Character.isLetter(c)) {
                return c == 's';
            }
        }
        return false;
    }
}
