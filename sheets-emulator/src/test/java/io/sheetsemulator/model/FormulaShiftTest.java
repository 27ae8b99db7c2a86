package io.sheetsemulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formula text after rows or columns of sheet {@code Data} (id 7) change; formulas live on Data unless named. */
class FormulaShiftTest {

    private static GridShift shift(String spec) {
        String[] p = spec.split(" ");
        boolean rows = p[1].equals("rows");
        int a = Integer.parseInt(p[2]);
        int b = Integer.parseInt(p[3]);
        return switch (p[0]) {
            case "insert" -> new GridShift.Insert(7, rows, a, b);
            case "delete" -> new GridShift.Delete(7, rows, a, b);
            default -> new GridShift.Move(7, rows, a, b, Integer.parseInt(p[4]));
        };
    }

    @ParameterizedTest(name = "{0} after {1} on {2} reads {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // insert 2 rows before row 5 (index 4)
                "=A5+A4                       | insert rows 4 2    | Data  | =A7+A4",
                "=$A$5*$B4                    | insert rows 4 2    | Data  | =$A$7*$B4",
                "=SUM(A1:A10)                 | insert rows 4 2    | Data  | =SUM(A1:A12)",
                "=SUM(A1:A4)                  | insert rows 4 2    | Data  | =SUM(A1:A4)",
                "=SUM(A5:A10)                 | insert rows 4 2    | Data  | =SUM(A7:A12)",
                "=COUNTIF($D:$D,$G5)          | insert rows 4 2    | Data  | =COUNTIF($D:$D,$G7)",
                "=SUM(B5:B)                   | insert rows 4 2    | Data  | =SUM(B7:B)",
                "=SUM(5:6)                    | insert rows 4 2    | Data  | =SUM(7:8)",
                "=\"A5\"&A5                   | insert rows 4 2    | Data  | =\"A5\"&A7",
                "=Data!A5+Other!A5            | insert rows 4 2    | Other | =Data!A7+Other!A5",
                "=A5                          | insert rows 4 2    | Other | =A5",
                "='Data'!A5                   | insert rows 4 2    | Other | ='Data'!A7",
                "=LOG10(A5)                   | insert rows 4 2    | Data  | =LOG10(A7)",
                // insert 1 column before C (index 2)
                "=C1+B1                       | insert columns 2 1 | Data  | =D1+B1",
                "=SUM($A:$C)                  | insert columns 2 1 | Data  | =SUM($A:$D)",
                "=SUM(1:1)                    | insert columns 2 1 | Data  | =SUM(1:1)",
                "=Z1                          | insert columns 2 1 | Data  | =AA1",
                // delete rows 3..5 (indexes 2..4)
                "=A4                          | delete rows 2 5    | Data  | =#REF!",
                "=Data!A4+1                   | delete rows 2 5    | Other | =#REF!+1",
                "=A6+A2                       | delete rows 2 5    | Data  | =A3+A2",
                "=SUM(A1:A10)                 | delete rows 2 5    | Data  | =SUM(A1:A7)",
                "=SUM(A3:A10)                 | delete rows 2 5    | Data  | =SUM(A3:A7)",
                "=SUM(A1:A4)                  | delete rows 2 5    | Data  | =SUM(A1:A2)",
                "=SUM(A3:A5)                  | delete rows 2 5    | Data  | =SUM(#REF!)",
                "=SUM(D:D)                    | delete rows 2 5    | Data  | =SUM(D:D)",
                // delete column B
                "=B1&C1                       | delete columns 1 2 | Data  | =#REF!&B1",
                // move row 1 (index 0) to before row 21 (index 20): the others move up
                "=A1+A2                       | move rows 0 1 20   | Data  | =A20+A1",
                "=SUM(A1:A10)                 | move rows 0 1 20   | Data  | =SUM(A1:A9)",
                // move column E (index 4) to before B (index 1)
                "=E1+B1                       | move columns 4 5 1 | Data  | =B1+C1",
            })
    void referencesFollowTheirCells(String formula, String spec, String host, String expected) {
        assertEquals(expected, FormulaShift.rewrite(formula, host, "Data", shift(spec)));
    }
}
