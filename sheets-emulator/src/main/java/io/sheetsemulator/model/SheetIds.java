package io.sheetsemulator.model;

import java.util.List;
import java.util.Random;

/**
 * Sheet ids the way Google hands them out: 0 for the first sheet, large pseudo-random ints for the
 * rest. Seeded from the spreadsheet id and the sheet count, so the same history gives the same ids.
 */
public final class SheetIds {

    private SheetIds() {}

    public static int next(String spreadsheetId, List<Sheet> existing) {
        if (existing.isEmpty()) {
            return 0;
        }
        Random random = new Random(spreadsheetId.hashCode() * 31L + existing.size());
        while (true) {
            int id = 100_000_000 + random.nextInt(2_000_000_000);
            if (id > 0 && existing.stream().noneMatch(s -> s.sheetId() == id)) {
                return id;
            }
        }
    }
}
