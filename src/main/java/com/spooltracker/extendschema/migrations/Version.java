package com.spooltracker.extendschema.migrations;

import java.util.ArrayList;
import java.util.List;

/** A migration's version, from its file name ({@code V4_0_1__…} is 4.0.1), ordered part by part as numbers. */
public record Version(List<Integer> parts) implements Comparable<Version> {
    public Version {
        parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException unless {@code text} is numbers joined by dots or underscores */
    public static Version parse(String text) {
        List<Integer> parts = new ArrayList<>();
        for (String part : text.split("[._]", -1)) {
            if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' is not a version such as 4_0_1");
            }
            parts.add(Integer.parseInt(part));
        }
        return new Version(parts);
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < other.parts.size() ? other.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
