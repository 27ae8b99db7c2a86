package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the formula subset the emulator evaluates: numbers, strings ({@code ""} escapes a quote),
 * TRUE/FALSE, cell references ({@code A1}, {@code $B$2}, {@code Other!C3}, {@code 'My Sheet'!D4}),
 * ranges as function arguments, {@code + - * / ^ & %}, comparisons, parentheses, unary minus and the
 * functions {@link #FUNCTIONS}. Precedence as in Sheets: comparison, {@code &}, {@code + -},
 * {@code * /}, {@code ^}, unary minus, {@code %}. Anything else is {@link Unsupported}.
 */
final class ExprParser {

    static final Set<String> FUNCTIONS = Set.of("SUM", "COUNT");

    /** The formula is outside the subset; it then reads as its own text. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Parses {@code formula} (with its leading {@code =}). */
    static Expr parse(String formula) {
        if (!formula.startsWith("=")) {
            throw new Unsupported();
        }
        ExprParser parser = new ExprParser(formula);
        parser.pos = 1;
        Expr expr = parser.comparison();
        parser.skipSpaces();
        if (parser.pos != formula.length()) {
            throw new Unsupported();
        }
        return expr;
    }

    private Expr comparison() {
        Expr left = concatenation();
        while (true) {
            String op = operator("<>", "<=", ">=", "=", "<", ">");
            if (op == null) {
                return left;
            }
            left = new Expr.Binary(op, left, concatenation());
        }
    }

    private Expr concatenation() {
        Expr left = additive();
        while (operator("&") != null) {
            left = new Expr.Binary("&", left, additive());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            String op = operator("+", "-");
            if (op == null) {
                return left;
            }
            left = new Expr.Binary(op, left, multiplicative());
        }
    }

    private Expr multiplicative() {
        Expr left = power();
        while (true) {
            String op = operator("*", "/");
            if (op == null) {
                return left;
            }
            left = new Expr.Binary(op, left, power());
        }
    }

    private Expr power() {
        Expr left = unary();
        while (operator("^") != null) {
            left = new Expr.Binary("^", left, unary());
        }
        return left;
    }

    private Expr unary() {
        String op = operator("-", "+");
        if (op != null) {
            return new Expr.Negate(unary(), op.equals("-"));
        }
        Expr operand = primary();
        while (operator("%") != null) {
            operand = new Expr.Percent(operand);
        }
        return operand;
    }

    private Expr primary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw new Unsupported();
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = comparison();
            expect(')');
            return inner;
        }
        if (text.startsWith(FormulaShift.REF_ERROR, pos)) {
            // What a reference to deleted cells becomes (FormulaShift): the formula then shows #REF!.
            pos += FormulaShift.REF_ERROR.length();
            return new Expr.Literal(
                    new EffectiveValue.Error(EffectiveValue.ErrorType.REF, "Reference does not exist."));
        }
        if (c == '"') {
            return new Expr.Literal(new CellValue.Text(string()));
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c == '\'') {
            return reference(quotedSheet());
        }
        if (Character.isLetter(c) || c == '$' || c == '_') {
            return word();
        }
        throw new Unsupported();
    }

    private Expr word() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || "$_.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == '!') {
            pos++;
            return reference(word);
        }
        int afterWord = pos;
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '(') {
            String name = word.toUpperCase(Locale.ROOT);
            if (!FUNCTIONS.contains(name)) {
                throw new Unsupported();
            }
            pos++;
            return new Expr.Call(name, arguments());
        }
        pos = afterWord;
        if (word.equalsIgnoreCase("TRUE") || word.equalsIgnoreCase("FALSE")) {
            return new Expr.Literal(new CellValue.Bool(word.equalsIgnoreCase("TRUE")));
        }
        pos = start;
        return reference(null);
    }

    private List<Expr> arguments() {
        List<Expr> arguments = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            return arguments;
        }
        while (true) {
            arguments.add(comparison());
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(')');
            return arguments;
        }
    }

    /** The cell part after an optional sheet: {@code A1}, {@code $A$1:B2}, {@code A:B}, {@code 2:3}. */
    private Expr reference(String sheetTitle) {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '$'
                        || text.charAt(pos) == ':')) {
            pos++;
        }
        String cells = text.substring(start, pos).replace("$", "");
        if (cells.isEmpty() || cells.startsWith(":") || cells.endsWith(":")) {
            throw new Unsupported();
        }
        try {
            A1Range range = A1Range.parse("X!" + cells);
            return new Expr.Reference(sheetTitle, range);
        } catch (SheetsError e) {
            throw new Unsupported();
        }
    }

    private String quotedSheet() {
        StringBuilder title = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    title.append('\'');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) == '!' && !title.isEmpty()) {
                    pos++;
                    return title.toString();
                }
                break;
            }
            title.append(c);
        }
        throw new Unsupported();
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    out.append('"');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
        throw new Unsupported();
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                pos = mark;
            }
        }
        try {
            return new Expr.Literal(new CellValue.Num(Double.parseDouble(text.substring(start, pos))));
        } catch (NumberFormatException e) {
            throw new Unsupported();
        }
    }

    private String operator(String... candidates) {
        skipSpaces();
        for (String candidate : candidates) {
            if (text.startsWith(candidate, pos)) {
                pos += candidate.length();
                return candidate;
            }
        }
        return null;
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new Unsupported();
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
