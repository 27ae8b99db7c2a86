package io.sheetsemulator.model;

import java.util.Locale;

/** Column letters (A, Z, AA, BP, ...) to 0-based indexes and back. */
public final class ColumnLetters {

    private ColumnLetters() {}

    public static int toIndex(String letters) {
        int n = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    public static String of(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.append((char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }
}
