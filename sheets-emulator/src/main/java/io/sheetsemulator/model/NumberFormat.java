package io.sheetsemulator.model;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cell's {@code userEnteredFormat.numberFormat}: a type (NUMBER, DATE, TEXT, ...) and an optional
 * pattern. Instances are interned so that a million formatted cells share one object.
 */
public record NumberFormat(String type, String pattern) {

    private static final ConcurrentHashMap<NumberFormat, NumberFormat> INTERNED = new ConcurrentHashMap<>();

    public NumberFormat {
        Objects.requireNonNull(type, "type");
        pattern = pattern == null ? "" : pattern;
    }

    public static NumberFormat of(String type, String pattern) {
        NumberFormat format = new NumberFormat(type, pattern);
        return INTERNED.computeIfAbsent(format, f -> f);
    }

    public boolean hasPattern() {
        return !pattern.isEmpty();
    }
}
