package io.sheetsemulator.model;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The spreadsheets an emulator serves, by id. Thread-safe. */
public final class Workbook {

    private final ConcurrentHashMap<String, Spreadsheet> spreadsheets = new ConcurrentHashMap<>();

    /** The spreadsheet, or 404 NOT_FOUND as the API answers for an unknown id. */
    public Spreadsheet get(String spreadsheetId) {
        Spreadsheet spreadsheet = spreadsheets.get(spreadsheetId);
        if (spreadsheet == null) {
            throw new SheetsError.NotFound();
        }
        return spreadsheet;
    }

    public boolean contains(String spreadsheetId) {
        return spreadsheets.containsKey(spreadsheetId);
    }

    public void put(Spreadsheet spreadsheet) {
        spreadsheets.put(spreadsheet.spreadsheetId(), spreadsheet);
    }

    public boolean remove(String spreadsheetId) {
        return spreadsheets.remove(spreadsheetId) != null;
    }

    public void clear() {
        spreadsheets.clear();
    }

    public List<String> ids() {
        return spreadsheets.keySet().stream().sorted().toList();
    }
}
