package com.spooltracker.extendschema.schema;

/** Converts between 0-based column indexes and A1 column letters (0 → A, 25 → Z, 26 → AA, 67 → BP). */
public final class ColumnLetters {
    private ColumnLetters() {}

    public static String of(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index must be >= 0: " + index);
        }
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.append((char) ('A' + (n - 1) % 26));
        }
        return letters.reverse().toString();
    }

    public static int indexOf(String letters) {
        if (letters == null || letters.isEmpty()) {
            throw new IllegalArgumentException("no column letters");
        }
        int n = 0;
        for (char c : letters.toCharArray()) {
            char upper = Character.toUpperCase(c);
            if (upper < 'A' || upper > 'Z') {
                throw new IllegalArgumentException("not column letters: " + letters);
            }
            n = n * 26 + (upper - 'A' + 1);
        }
        return n - 1;
    }
}
