package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The effective values of a spreadsheet's cells, for one read: formulas in the {@link ExprParser}
 * subset are evaluated (each cell once per read), others show their own text. Errors are Google's
 * ({@code #DIV/0!}, {@code #VALUE!}, {@code #REF!} for an unknown sheet, a cell off the grid or a
 * circular reference, {@code #NUM!}). Call with the spreadsheet's lock held; not thread-safe.
 */
public final class Evaluation {

    /** Deeper chains of formulas than this are reported as errors rather than overflowing the stack. */
    private static final int MAX_DEPTH = 400;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final Spreadsheet spreadsheet;
    private final Map<CellKey, EffectiveValue> done = new HashMap<>();
    private final Set<CellKey> inProgress = new HashSet<>();

    private record CellKey(Sheet sheet, int row, int column) {}

    /** An evaluation failed with this error value; it propagates to the formula's result. */
    private static final class Failed extends RuntimeException {
        final EffectiveValue.Error error;

        Failed(EffectiveValue.ErrorType type, String message) {
            super(null, null, false, false);
            this.error = new EffectiveValue.Error(type, message);
        }

        Failed(EffectiveValue.Error error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    public Evaluation(Spreadsheet spreadsheet) {
        this.spreadsheet = spreadsheet;
    }

    public Spreadsheet spreadsheet() {
        return spreadsheet;
    }

    /** What the cell at (row, column) of {@code sheet} shows; null when it shows nothing. */
    public EffectiveValue of(Sheet sheet, int row, int column) {
        Cell cell = sheet.cell(row, column);
        CellValue value = cell == null ? null : cell.value();
        if (value == null) {
            return null;
        }
        if (value instanceof EffectiveValue plain) {
            return plain;
        }
        if (value instanceof CellValue.ArrayOutput output) {
            return output.shown();
        }
        return formula(new CellKey(sheet, row, column), ((CellValue.Formula) value).formula());
    }

    private EffectiveValue formula(CellKey key, String formula) {
        if (done.containsKey(key)) {
            return done.get(key);
        }
        if (inProgress.contains(key) || inProgress.size() >= MAX_DEPTH) {
            throw new Failed(
                    EffectiveValue.ErrorType.REF,
                    "Circular dependency detected. To resolve with iterative calculation, see File > Settings.");
        }
        Expr expr;
        try {
            expr = ExprParser.parse(formula);
        } catch (ExprParser.Unsupported e) {
            done.put(key, new CellValue.Text(formula));
            return done.get(key);
        }
        inProgress.add(key);
        EffectiveValue result;
        try {
            result = scalar(eval(expr, key.sheet()));
            if (result instanceof CellValue.Num n && !Double.isFinite(n.number())) {
                result = new EffectiveValue.Error(EffectiveValue.ErrorType.NUM, "Result was not a number.");
            }
        } catch (Failed f) {
            result = f.error;
        } catch (ExprParser.Unsupported e) {
            result = new CellValue.Text(formula);
        } finally {
            inProgress.remove(key);
        }
        done.put(key, result);
        return result;
    }

    /** A range's cells, for functions that take ranges. */
    private record Cells(Sheet sheet, GridRect rect) {}

    /** Evaluates to an EffectiveValue, null (empty) or Cells (a range, valid only as a function argument). */
    private Object eval(Expr expr, Sheet home) {
        if (expr instanceof Expr.Literal literal) {
            if (literal.value() instanceof EffectiveValue.Error error) {
                throw new Failed(error);
            }
            return literal.value();
        }
        if (expr instanceof Expr.Reference ref) {
            Cells cells = cells(ref, home);
            if (ref.singleCell()) {
                return valueAt(
                        cells.sheet(), cells.rect().startRow(), cells.rect().startColumn());
            }
            return cells;
        }
        if (expr instanceof Expr.Negate negate) {
            double n = number(eval(negate.operand(), home), "UMINUS", 1);
            return new CellValue.Num(negate.minus() ? -n : n);
        }
        if (expr instanceof Expr.Percent percent) {
            return new CellValue.Num(number(eval(percent.operand(), home), "UNARY_PERCENT", 1) / 100);
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary, home);
        }
        Expr.Call call = (Expr.Call) expr;
        return call.name().equals("SUM") ? sum(call.arguments(), home) : count(call.arguments(), home);
    }

    private EffectiveValue valueAt(Sheet sheet, int row, int column) {
        EffectiveValue value = of(sheet, row, column);
        if (value instanceof EffectiveValue.Error e) {
            throw new Failed(e);
        }
        return value;
    }

    private Cells cells(Expr.Reference ref, Sheet home) {
        Sheet sheet = home;
        if (ref.sheetTitle() != null) {
            sheet = spreadsheet
                    .sheetByTitle(ref.sheetTitle())
                    .orElseThrow(() -> new Failed(
                            EffectiveValue.ErrorType.REF, "Unresolved sheet name '" + ref.sheetTitle() + "'."));
        }
        A1Range range = ref.range();
        int endRow = range.endRow() == null ? sheet.rowCount() : range.endRow();
        int endColumn = range.endColumn() == null ? sheet.columnCount() : range.endColumn();
        if (range.startRow() >= sheet.rowCount()
                || range.startColumn() >= sheet.columnCount()
                || endRow > sheet.rowCount()
                || endColumn > sheet.columnCount()) {
            throw new Failed(EffectiveValue.ErrorType.REF, "Reference does not exist.");
        }
        return new Cells(sheet, new GridRect(sheet.title(), range.startRow(), range.startColumn(), endRow, endColumn));
    }

    private Object binary(Expr.Binary binary, Sheet home) {
        Object left = eval(binary.left(), home);
        Object right = eval(binary.right(), home);
        switch (binary.operator()) {
            case "&":
                return new CellValue.Text(text(left) + text(right));
            case "+":
                return new CellValue.Num(number(left, "ADD", 1) + number(right, "ADD", 2));
            case "-":
                return new CellValue.Num(number(left, "MINUS", 1) - number(right, "MINUS", 2));
            case "*":
                return new CellValue.Num(number(left, "MULTIPLY", 1) * number(right, "MULTIPLY", 2));
            case "/": {
                double dividend = number(left, "DIVIDE", 1);
                double divisor = number(right, "DIVIDE", 2);
                if (divisor == 0) {
                    throw new Failed(
                            EffectiveValue.ErrorType.DIVIDE_BY_ZERO, "Function DIVIDE parameter 2 cannot be zero.");
                }
                return new CellValue.Num(dividend / divisor);
            }
            case "^": {
                double base = number(left, "POW", 1);
                double exponent = number(right, "POW", 2);
                if (base == 0 && exponent < 0) {
                    throw new Failed(
                            EffectiveValue.ErrorType.DIVIDE_BY_ZERO,
                            "Function POW parameter 2 cannot be negative when parameter 1 is zero.");
                }
                return new CellValue.Num(Math.pow(base, exponent));
            }
            default:
                return new CellValue.Bool(compare(binary.operator(), scalar(left), scalar(right)));
        }
    }

    /** Sheets' comparison: numbers before text before booleans, text case-insensitively, empty as 0 or "". */
    private static boolean compare(String operator, EffectiveValue left, EffectiveValue right) {
        int order = Integer.compare(rank(left, right), rank(right, left));
        if (order == 0) {
            if (left instanceof CellValue.Text || right instanceof CellValue.Text) {
                order = text(left).compareToIgnoreCase(text(right));
            } else if (left instanceof CellValue.Bool || right instanceof CellValue.Bool) {
                order = Boolean.compare(
                        left != null && ((CellValue.Bool) left).bool(),
                        right != null && ((CellValue.Bool) right).bool());
            } else {
                order = Double.compare(
                        left == null ? 0 : ((CellValue.Num) left).number(),
                        right == null ? 0 : ((CellValue.Num) right).number());
            }
        }
        return switch (operator) {
            case "=" -> order == 0;
            case "<>" -> order != 0;
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            default -> order >= 0;
        };
    }

    private static int rank(EffectiveValue value, EffectiveValue other) {
        EffectiveValue v = value != null ? value : other;
        return v instanceof CellValue.Text ? 1 : v instanceof CellValue.Bool ? 2 : 0;
    }

    private Object sum(List<Expr> arguments, Sheet home) {
        double total = 0;
        for (Expr argument : arguments) {
            for (Double n : numbers(argument, home, "SUM", true)) {
                total += n;
            }
        }
        return new CellValue.Num(total);
    }

    private Object count(List<Expr> arguments, Sheet home) {
        int count = 0;
        for (Expr argument : arguments) {
            count += numbers(argument, home, "COUNT", false).size();
        }
        return new CellValue.Num(count);
    }

    /**
     * The numbers an argument gives SUM or COUNT: from a reference, its numeric cells only (text,
     * booleans and empty cells are skipped); from any other expression, its value as a number. SUM
     * passes errors on, COUNT skips them.
     */
    private List<Double> numbers(Expr argument, Sheet home, String function, boolean errorsPropagate) {
        List<Double> numbers = new ArrayList<>();
        if (argument instanceof Expr.Reference ref) {
            Cells cells = cells(ref, home);
            GridRect rect = cells.rect();
            int lastRow = Math.min(rect.endRow(), cells.sheet().lastValueRow(rect.startColumn(), rect.endColumn()));
            for (int r = rect.startRow(); r < lastRow; r++) {
                for (int c = rect.startColumn(); c < rect.endColumn(); c++) {
                    EffectiveValue value = of(cells.sheet(), r, c);
                    if (value instanceof EffectiveValue.Error e && errorsPropagate) {
                        throw new Failed(e);
                    }
                    if (value instanceof CellValue.Num n) {
                        numbers.add(n.number());
                    }
                }
            }
            return numbers;
        }
        try {
            Object value = eval(argument, home);
            if (!errorsPropagate && !(value instanceof CellValue.Num)) {
                return numbers;
            }
            numbers.add(number(value, function, 1));
        } catch (Failed f) {
            if (errorsPropagate) {
                throw f;
            }
        }
        return numbers;
    }

    private static EffectiveValue scalar(Object value) {
        if (value instanceof Cells) {
            // A bare range would spill as an array formula, which the emulator does not model.
            throw new ExprParser.Unsupported();
        }
        return (EffectiveValue) value;
    }

    private static double number(Object value, String function, int parameter) {
        EffectiveValue v = scalar(value);
        if (v == null) {
            return 0;
        }
        if (v instanceof CellValue.Num n) {
            return n.number();
        }
        if (v instanceof CellValue.Bool b) {
            return b.bool() ? 1 : 0;
        }
        if (v instanceof EffectiveValue.Error e) {
            throw new Failed(e);
        }
        String text = ((CellValue.Text) v).text();
        if (NUMBER.matcher(text.strip()).matches()) {
            return Double.parseDouble(text.strip());
        } else {
            throw new Failed(
                    EffectiveValue.ErrorType.VALUE,
                    "Function " + function + " parameter " + parameter + " expects number values. But '" + text
                            + "' is a text and cannot be coerced to a number.");
        }
    }

    private static String text(Object value) {
        EffectiveValue v = scalar(value);
        if (v instanceof EffectiveValue.Error e) {
            throw new Failed(e);
        }
        return v == null ? "" : FormattedValues.of(v, null);
    }
}
