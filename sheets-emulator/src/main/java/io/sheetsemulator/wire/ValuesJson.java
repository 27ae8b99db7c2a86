package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.sheetsemulator.model.Cell;
import io.sheetsemulator.model.CellValue;
import io.sheetsemulator.model.EffectiveValue;
import io.sheetsemulator.model.Evaluation;
import io.sheetsemulator.model.FormattedValues;
import io.sheetsemulator.model.GridRect;
import io.sheetsemulator.model.SeedFormat;
import io.sheetsemulator.model.Sheet;
import java.util.List;
import java.util.Set;

/** ValueRange rendering for values.get and values.batchGet. */
final class ValuesJson {

    private static final Set<String> DATE_TYPES = Set.of("DATE", "TIME", "DATE_TIME");

    /** How values are rendered: valueRenderOption, dateTimeRenderOption and majorDimension. */
    record Render(String valueRender, boolean datesAsStrings, boolean columnsMajor) {

        static Render from(QueryParams query) {
            return of(
                    query.first("valueRenderOption", "FORMATTED_VALUE"),
                    query.first("dateTimeRenderOption", "SERIAL_NUMBER"),
                    query.first("majorDimension", "ROWS"));
        }

        /** From the three options as given (checked as the API checks them). */
        static Render of(String valueRenderOption, String dateTimeRenderOption, String majorDimension) {
            String value = Enums.check(
                    valueRenderOption,
                    "value_render_option",
                    "ValueRenderOption",
                    List.of("FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"));
            String dates = Enums.check(
                    dateTimeRenderOption,
                    "date_time_render_option",
                    "DateTimeRenderOption",
                    List.of("SERIAL_NUMBER", "FORMATTED_STRING"));
            String major = Enums.majorDimension(majorDimension);
            return new Render(value, dates.equals("FORMATTED_STRING"), major.equals("COLUMNS"));
        }
    }

    private ValuesJson() {}

    static JsonObject valueRange(Evaluation evaluation, Sheet sheet, GridRect rect, Render render) {
        JsonObject json = new JsonObject();
        json.addProperty("range", rect.a1());
        json.addProperty("majorDimension", render.columnsMajor() ? "COLUMNS" : "ROWS");
        JsonArray values = render.columnsMajor()
                ? columns(evaluation, sheet, rect, render)
                : rows(evaluation, sheet, rect, render);
        if (!values.isEmpty()) {
            json.add("values", values);
        }
        return json;
    }

    private static JsonArray rows(Evaluation evaluation, Sheet sheet, GridRect rect, Render render) {
        JsonArray rows = new JsonArray();
        int lastRow = Math.min(rect.endRow(), sheet.lastValueRow(rect.startColumn(), rect.endColumn()));
        for (int r = rect.startRow(); r < lastRow; r++) {
            JsonArray row = new JsonArray();
            int last = rect.startColumn() - 1;
            for (int c = rect.endColumn() - 1; c >= rect.startColumn(); c--) {
                if (sheet.value(r, c) != null) {
                    last = c;
                    break;
                }
            }
            for (int c = rect.startColumn(); c <= last; c++) {
                row.add(render(evaluation, sheet, r, c, render));
            }
            rows.add(row);
        }
        return rows;
    }

    private static JsonArray columns(Evaluation evaluation, Sheet sheet, GridRect rect, Render render) {
        JsonArray columns = new JsonArray();
        int lastRow = Math.min(rect.endRow(), sheet.lastValueRow(rect.startColumn(), rect.endColumn()));
        int lastColumn = rect.startColumn() - 1;
        for (int c = rect.endColumn() - 1; c >= rect.startColumn() && lastColumn < rect.startColumn(); c--) {
            for (int r = rect.startRow(); r < lastRow; r++) {
                if (sheet.value(r, c) != null) {
                    lastColumn = c;
                    break;
                }
            }
        }
        for (int c = rect.startColumn(); c <= lastColumn; c++) {
            JsonArray column = new JsonArray();
            int last = rect.startRow() - 1;
            for (int r = lastRow - 1; r >= rect.startRow(); r--) {
                if (sheet.value(r, c) != null) {
                    last = r;
                    break;
                }
            }
            for (int r = rect.startRow(); r <= last; r++) {
                column.add(render(evaluation, sheet, r, c, render));
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * One cell as values reads give it: FORMATTED_VALUE the text it shows, UNFORMATTED_VALUE its effective
     * value (errors as their text), FORMULA the formula if it holds one, else as UNFORMATTED_VALUE.
     */
    static JsonElement render(Evaluation evaluation, Sheet sheet, int row, int column, Render render) {
        Cell cell = sheet.cell(row, column);
        CellValue entered = cell == null ? null : cell.value();
        if (entered instanceof CellValue.Formula f && render.valueRender().equals("FORMULA")) {
            return new JsonPrimitive(f.formula());
        }
        EffectiveValue value = entered == null ? null : evaluation.of(sheet, row, column);
        if (value == null) {
            return new JsonPrimitive("");
        }
        if (render.valueRender().equals("FORMATTED_VALUE")) {
            return new JsonPrimitive(FormattedValues.of(value, cell.format()));
        }
        if (value instanceof CellValue.Num n) {
            if (render.datesAsStrings()
                    && cell.format() != null
                    && DATE_TYPES.contains(cell.format().type())) {
                return new JsonPrimitive(FormattedValues.of(value, cell.format()));
            }
            return SeedFormat.number(n.number());
        }
        if (value instanceof CellValue.Bool b) {
            return new JsonPrimitive(b.bool());
        }
        return new JsonPrimitive(FormattedValues.of(value, null));
    }
}
