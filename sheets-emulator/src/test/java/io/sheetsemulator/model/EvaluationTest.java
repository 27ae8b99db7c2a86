package io.sheetsemulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formula subset, each formula in cell Z1 of a small sheet, read as it would show. */
class EvaluationTest {

    private static final String SEED = """
        {"spreadsheetId":"f","sheets":[
          {"title":"Data","rowCount":20,"columnCount":26,
           "rows":[[2,3,"text","4",true,null,{"computed":10}],
                   [1.5,"=A1*B1","=1/0","=A3","=C1+1","=B2&\\"!\\""],
                   ["=B3","=A3+1"]]},
          {"title":"My Sheet","rowCount":5,"columnCount":3,"rows":[[100,"=Data!A1"]]}]}
        """;

    private static String shown(String formula) {
        Spreadsheet spreadsheet = SeedFormat.read(JsonParser.parseString(SEED).getAsJsonObject());
        Sheet data = spreadsheet.sheets().get(0);
        data.set(0, 25, new CellValue.Formula(formula));
        Evaluation evaluation = new Evaluation(spreadsheet);
        EffectiveValue value = evaluation.of(data, 0, 25);
        String kind = value == null ? "empty" : value.getClass().getSimpleName();
        String detail = value instanceof EffectiveValue.Error e
                ? e.type() + " " + e.message()
                : FormattedValues.of(value, null);
        return kind + ":" + detail;
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=\"Total_\"&\"Uniones\"      | Text:Total_Uniones",
                "=\"\"                        | Text:",
                "=\"say \"\"hi\"\"\"          | Text:say \"hi\"",
                "= 1 / 1024                   | Num:0.0009765625",
                "=3/2                         | Num:1.5",
                "=1+2*3^2                     | Num:19",
                "=(1+2)*3                     | Num:9",
                "=-2^2                        | Num:4",
                "=2^3^2                       | Num:64",
                "=--3                         | Num:3",
                "=50%                         | Num:0.5",
                "=1e3+.5                      | Num:1000.5",
                "=A1+B1                       | Num:5",
                "=$A$1*b$1                    | Num:6",
                "=A1&B1                       | Text:23",
                "=A2&\"x\"                    | Text:1.5x",
                "=E1&\"\"                     | Text:TRUE",
                "=E1+1                        | Num:2",
                "=D1*2                        | Num:8",
                "=G1+1                        | Num:11",
                "=F1                          | empty:",
                "=F1+1                        | Num:1",
                "=F1&\"a\"                    | Text:a",
                "=B2                          | Num:6",
                "=F2                          | Text:6!",
                "='My Sheet'!A1+Data!A1       | Num:102",
                "='My Sheet'!B1               | Num:2",
                "=SUM(A1:B2)                  | Num:12.5",
                "=SUM(A1:G1)                  | Num:15",
                "=SUM('My Sheet'!A:A,1,\"2\") | Num:103",
                "=SUM(A:A)                    | Error:REF Circular dependency detected. To resolve with iterative calculation, see File > Settings.",
                "=sum(A1, B1) * 2             | Num:10",
                "=COUNT(A1:G2)                | Num:5",
                "=COUNT(C3:C4)                | Num:0",
                "=1=1                         | Bool:TRUE",
                "=\"a\"=\"A\"                 | Bool:TRUE",
                "=A1<B1                       | Bool:TRUE",
                "=1/0                         | Error:DIVIDE_BY_ZERO Function DIVIDE parameter 2 cannot be zero.",
                "=C2                          | Error:DIVIDE_BY_ZERO Function DIVIDE parameter 2 cannot be zero.",
                "=SUM(C2,1)                   | Error:DIVIDE_BY_ZERO Function DIVIDE parameter 2 cannot be zero.",
                "=COUNT(A2:C2)                | Num:2",
                "=C1+1                        | Error:VALUE Function ADD parameter 1 expects number values. But 'text' is a text and cannot be coerced to a number.",
                "=E2                          | Error:VALUE Function ADD parameter 1 expects number values. But 'text' is a text and cannot be coerced to a number.",
                "=Nope!A1                     | Error:REF Unresolved sheet name 'Nope'.",
                "=A30                         | Error:REF Reference does not exist.",
                "=A3                          | Error:REF Circular dependency detected. To resolve with iterative calculation, see File > Settings.",
                "=Z1+1                        | Error:REF Circular dependency detected. To resolve with iterative calculation, see File > Settings.",
                "=0^-1                        | Error:DIVIDE_BY_ZERO Function POW parameter 2 cannot be negative when parameter 1 is zero.",
                "=VLOOKUP(1,A1:B2,2)          | Text:=VLOOKUP(1,A1:B2,2)",
                "=A1:B2                       | Text:=A1:B2",
                "=NamedRange                  | Text:=NamedRange",
                "=1+                          | Text:=1+",
                "=\"open                      | Text:=\"open",
            })
    void formulaShows(String formula, String expected) {
        assertEquals(expected, shown(formula));
    }
}
