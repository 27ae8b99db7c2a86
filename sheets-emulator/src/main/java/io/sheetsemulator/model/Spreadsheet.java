package io.sheetsemulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A spreadsheet: id, title, locale settings and its tabs in index order. Guard with {@link #lock()}. */
public final class Spreadsheet {

    /** Google's limit on cells per spreadsheet, across all tabs. */
    public static final long CELL_LIMIT = 10_000_000L;

    private final String spreadsheetId;
    private final String title;
    private final String locale;
    private final String timeZone;
    private final List<Sheet> sheets = new ArrayList<>();
    private final List<DeveloperMetadata> developerMetadata = new ArrayList<>();
    private final Object lock = new Object();

    public Spreadsheet(String spreadsheetId, String title, String locale, String timeZone) {
        this.spreadsheetId = spreadsheetId;
        this.title = title;
        this.locale = locale;
        this.timeZone = timeZone;
    }

    public String spreadsheetId() {
        return spreadsheetId;
    }

    public String title() {
        return title;
    }

    public String locale() {
        return locale;
    }

    public String timeZone() {
        return timeZone;
    }

    /** The monitor every reader and writer of this spreadsheet synchronizes on. */
    public Object lock() {
        return lock;
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    /** Every developer metadata of the spreadsheet (spreadsheet, sheet, row and column), by creation. */
    public List<DeveloperMetadata> developerMetadata() {
        return developerMetadata;
    }

    public Optional<DeveloperMetadata> metadataById(int metadataId) {
        return developerMetadata.stream()
                .filter(m -> m.metadataId() == metadataId)
                .findFirst();
    }

    public int indexOf(Sheet sheet) {
        return sheets.indexOf(sheet);
    }

    /** Sheet titles match case-insensitively, as in the Sheets UI and API. */
    public Optional<Sheet> sheetByTitle(String title) {
        String wanted = title.toLowerCase(Locale.ROOT);
        return sheets.stream()
                .filter(s -> s.title().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public Optional<Sheet> sheetById(int sheetId) {
        return sheets.stream().filter(s -> s.sheetId() == sheetId).findFirst();
    }

    public long cellCount() {
        return sheets.stream().mapToLong(Sheet::cellCount).sum();
    }
}
