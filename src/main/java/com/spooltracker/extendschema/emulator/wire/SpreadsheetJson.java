package com.spooltracker.extendschema.emulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.emulator.model.A1Range;
import com.spooltracker.extendschema.emulator.model.Cell;
import com.spooltracker.extendschema.emulator.model.CellValue;
import com.spooltracker.extendschema.emulator.model.FormattedValues;
import com.spooltracker.extendschema.emulator.model.GridRect;
import com.spooltracker.extendschema.emulator.model.NumberFormat;
import com.spooltracker.extendschema.emulator.model.SeedFormat;
import com.spooltracker.extendschema.emulator.model.Sheet;
import com.spooltracker.extendschema.emulator.model.Spreadsheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Spreadsheet resource of spreadsheets.get: properties, sheets and (on request) GridData. */
final class SpreadsheetJson {

  private SpreadsheetJson() {}

  /**
   * Renders {@code spreadsheet}. With {@code ranges}, only the sheets they touch are listed, each with
   * one data block per range in request order; without, every sheet, with whole-sheet data if
   * {@code withData}.
   */
  static JsonObject render(Spreadsheet spreadsheet, List<String> ranges, boolean withData) {
    Map<Sheet, List<GridRect>> blocks = new LinkedHashMap<>();
    if (ranges.isEmpty()) {
      for (Sheet sheet : spreadsheet.sheets()) {
        blocks.put(sheet, withData
            ? List.of(new GridRect(sheet.title(), 0, 0, sheet.rowCount(), sheet.columnCount())) : List.of());
      }
    } else {
      Map<Sheet, List<GridRect>> touched = new LinkedHashMap<>();
      for (String text : ranges) {
        A1Range range = A1Range.parse(text);
        Sheet sheet = range.sheetIn(spreadsheet, text);
        touched.computeIfAbsent(sheet, s -> new ArrayList<>()).add(range.clampedTo(sheet));
      }
      for (Sheet sheet : spreadsheet.sheets()) {
        if (touched.containsKey(sheet)) {
          blocks.put(sheet, withData ? touched.get(sheet) : List.of());
        }
      }
    }
    JsonObject json = new JsonObject();
    json.addProperty("spreadsheetId", spreadsheet.spreadsheetId());
    json.add("properties", properties(spreadsheet));
    JsonArray sheets = new JsonArray();
    blocks.forEach((sheet, rects) -> {
      JsonObject s = new JsonObject();
      s.add("properties", sheetProperties(sheet, spreadsheet.indexOf(sheet)));
      if (!rects.isEmpty()) {
        JsonArray data = new JsonArray();
        rects.forEach(rect -> data.add(gridData(sheet, rect)));
        s.add("data", data);
      }
      sheets.add(s);
    });
    json.add("sheets", sheets);
    json.addProperty("spreadsheetUrl", "https://docs.google.com/spreadsheets/d/" + spreadsheet.spreadsheetId() + "/edit");
    return json;
  }

  private static JsonObject properties(Spreadsheet spreadsheet) {
    JsonObject p = new JsonObject();
    p.addProperty("title", spreadsheet.title());
    p.addProperty("locale", spreadsheet.locale());
    p.addProperty("autoRecalc", "ON_CHANGE");
    p.addProperty("timeZone", spreadsheet.timeZone());
    return p;
  }

  static JsonObject sheetProperties(Sheet sheet, int index) {
    JsonObject p = new JsonObject();
    p.addProperty("sheetId", sheet.sheetId());
    p.addProperty("title", sheet.title());
    p.addProperty("index", index);
    p.addProperty("sheetType", "GRID");
    JsonObject grid = new JsonObject();
    grid.addProperty("rowCount", sheet.rowCount());
    grid.addProperty("columnCount", sheet.columnCount());
    if (sheet.frozenRowCount() > 0) {
      grid.addProperty("frozenRowCount", sheet.frozenRowCount());
    }
    p.add("gridProperties", grid);
    return p;
  }

  private static JsonObject gridData(Sheet sheet, GridRect rect) {
    JsonObject data = new JsonObject();
    if (rect.startRow() > 0) {
      data.addProperty("startRow", rect.startRow());
    }
    if (rect.startColumn() > 0) {
      data.addProperty("startColumn", rect.startColumn());
    }
    int lastRow = lastRowWithCells(sheet, rect);
    if (lastRow > rect.startRow()) {
      JsonArray rowData = new JsonArray();
      for (int r = rect.startRow(); r < lastRow; r++) {
        rowData.add(rowData(sheet, r, rect));
      }
      data.add("rowData", rowData);
    }
    return data;
  }

  private static int lastRowWithCells(Sheet sheet, GridRect rect) {
    for (int r = Math.min(rect.endRow(), sheet.lastCellRow()) - 1; r >= rect.startRow(); r--) {
      for (int c = rect.startColumn(); c < rect.endColumn(); c++) {
        if (sheet.cell(r, c) != null) {
          return r + 1;
        }
      }
    }
    return rect.startRow();
  }

  private static JsonObject rowData(Sheet sheet, int row, GridRect rect) {
    JsonObject rowData = new JsonObject();
    int last = rect.startColumn() - 1;
    for (int c = rect.endColumn() - 1; c >= rect.startColumn(); c--) {
      if (sheet.cell(row, c) != null) {
        last = c;
        break;
      }
    }
    if (last >= rect.startColumn()) {
      JsonArray values = new JsonArray();
      for (int c = rect.startColumn(); c <= last; c++) {
        values.add(cellData(sheet.cell(row, c)));
      }
      rowData.add("values", values);
    }
    return rowData;
  }

  static JsonObject cellData(Cell cell) {
    JsonObject data = new JsonObject();
    if (cell == null) {
      return data;
    }
    CellValue value = cell.value();
    if (value != null) {
      data.add("userEnteredValue", extendedValue(value, false));
      data.add("effectiveValue", extendedValue(value, true));
      data.addProperty("formattedValue", FormattedValues.of(cell));
    }
    NumberFormat format = cell.format();
    if (format != null) {
      JsonObject numberFormat = new JsonObject();
      numberFormat.addProperty("type", format.type());
      if (format.hasPattern()) {
        numberFormat.addProperty("pattern", format.pattern());
      }
      JsonObject userEnteredFormat = new JsonObject();
      userEnteredFormat.add("numberFormat", numberFormat);
      data.add("userEnteredFormat", userEnteredFormat);
    }
    return data;
  }

  /** An ExtendedValue; formulas are not evaluated, so their effective value is the formula text. */
  private static JsonObject extendedValue(CellValue value, boolean effective) {
    JsonObject json = new JsonObject();
    if (value instanceof CellValue.Text t) {
      json.addProperty("stringValue", t.text());
    } else if (value instanceof CellValue.Num n) {
      json.add("numberValue", SeedFormat.number(n.number()));
    } else if (value instanceof CellValue.Bool b) {
      json.addProperty("boolValue", b.bool());
    } else {
      json.addProperty(effective ? "stringValue" : "formulaValue", ((CellValue.Formula) value).formula());
    }
    return json;
  }
}
