package com.spooltracker.extendschema.soak;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.spooltracker.extendschema.cache.ColumnMapCache;
import com.spooltracker.extendschema.testing.Dumps;
import com.spooltracker.extendschema.testing.FunctionServer;
import io.sheetsemulator.SheetsEmulator;
import io.sheetsemulator.control.CellWrite;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One history: a random tracker spreadsheet, a few runs of the function while the tracker and a person
 * edit the sheet (between runs and between any two Sheets calls of a run) and faults hit its calls; then,
 * the edits stopped, one more run, which must leave every metric converged, and a final one, which must
 * write nothing. The sheet is compared with its shadow after every run; the first broken invariant ends
 * the history.
 */
final class History {
    /** What a history did and found. */
    record Outcome(
            long seed,
            int index,
            int runs,
            int editsMidRun,
            int faults,
            int residualFormulas,
            List<Oracle.Finding> lostCells,
            List<Oracle.Finding> lostFormulas,
            List<String> unconverged,
            String account) {
        boolean failed() {
            return !lostCells.isEmpty() || !lostFormulas.isEmpty() || !unconverged.isEmpty();
        }
    }

    private static final Set<String> READS = Set.of(
            "spreadsheets.get",
            "spreadsheets.getByDataFilter",
            "values.get",
            "values.batchGet",
            "values.batchGetByDataFilter");
    private static final double EDIT_BEFORE_CALL = 0.3;
    private static final double FAULT_ON_CALL = 0.12;

    private final SheetsEmulator emulator;
    private final FunctionServer function;
    private final long seed;
    private final int index;
    private final Random random;
    private final SheetPair pair;
    private final SimulatedTracker tracker;
    private final PersonEdits person;
    private Journal journal;

    private volatile Journal.Run current;
    private volatile boolean columnsAllowed;
    private volatile boolean editing;
    private volatile RuntimeException hookFailure;
    private int runs;
    private int editsMidRun;
    private int faults;
    private int residual;
    private final List<Oracle.Finding> lostCells = new ArrayList<>();
    private final List<Oracle.Finding> lostFormulas = new ArrayList<>();
    private final List<String> unconverged = new ArrayList<>();

    History(SheetsEmulator emulator, FunctionServer function, long seed, int index) {
        this.emulator = emulator;
        this.function = function;
        this.seed = seed;
        this.index = index;
        this.random = new Random(seed * 1_000_003L + index);
        this.pair = new SheetPair(emulator);
        this.tracker = new SimulatedTracker(pair, random);
        this.person = new PersonEdits(pair, random);
    }

    Outcome play() {
        TrackerSheets.Generated generated = TrackerSheets.generate(random);
        journal = new Journal("sheet: " + generated.shape());
        emulator.clearFaults();
        pair.seed(generated);
        ColumnMapCache.shared().invalidateAll();
        int editing = 1 + random.nextInt(4);
        boolean intact = true;
        for (int r = 0; r < editing && intact; r++) {
            for (int e = random.nextInt(4); e > 0; e--) {
                String account = edit(View.of(pair), true);
                if (account != null) {
                    journal.betweenRuns(account);
                }
            }
            intact = run(random.nextInt(5) == 0 ? "refreshMetrics=true&dryRun=true" : "refreshMetrics=true", true);
        }
        if (intact) {
            settle();
        }
        return new Outcome(
                seed,
                index,
                runs,
                editsMidRun,
                faults,
                residual,
                List.copyOf(lostCells),
                List.copyOf(lostFormulas),
                List.copyOf(unconverged),
                journal.account());
    }

    /** Called by the emulator before each API request, outside its locks: edits and faults land here. */
    void beforeCall(String endpoint, String spreadsheetId) {
        Journal.Run run = current;
        if (run == null || !SheetPair.REAL.equals(spreadsheetId)) {
            return;
        }
        synchronized (this) {
            try {
                events(run, endpoint);
            } catch (RuntimeException e) {
                hookFailure = e;
            }
        }
    }

    /** Called by the emulator for each cell an API request changed; the account lists them under their call. */
    void cellWritten(CellWrite write) {
        Journal.Run run = current;
        if (run != null
                && SheetPair.REAL.equals(write.spreadsheetId())
                && !write.sheetTitle().equals(TrackerSheets.AUDIT)) {
            journal.cellWritten(
                    run,
                    write.sheetTitle(),
                    write.row(),
                    write.column(),
                    Values.show(write.before()),
                    Values.show(write.after()));
        }
    }

    private void events(Journal.Run run, String endpoint) {
        if (editing && random.nextDouble() < EDIT_BEFORE_CALL) {
            String account = edit(View.of(pair), columnsAllowed);
            if (account != null) {
                journal.editBeforeCall(run, account);
                editsMidRun++;
            }
        }
        if (editing && random.nextDouble() < FAULT_ON_CALL) {
            FaultRule rule = Faults.pick(random, endpoint);
            emulator.addFault(rule);
            journal.faultOnCall(run, endpoint, Faults.describe(rule));
            faults++;
        }
        journal.call(run, endpoint);
    }

    private String edit(View view, boolean columns) {
        try {
            return random.nextInt(5) < 3 ? tracker.act(view) : person.act(view, columns);
        } catch (IllegalArgumentException refused) {
            return null; // an edit Google would refuse (e.g. deleting the last unfrozen row) does not happen
        }
    }

    /** The edits stopped: the next run converges every metric, the one after it writes nothing. */
    private void settle() {
        if (!run("refreshMetrics=true", false)) {
            return;
        }
        if (!journal.lastAnswer().startsWith("200")) {
            unconverged.add("the run after the edits stopped answered " + journal.lastAnswer());
            return;
        }
        unconverged.addAll(Oracle.unconverged(pair.real()));
        if (!unconverged.isEmpty()) {
            return;
        }
        emulator.resetCounters();
        if (!run("refreshMetrics=true", false)) {
            return;
        }
        Journal.Run finalRun = journal.lastRun();
        Counters counters = emulator.counters();
        if (counters.writes() > 0 || !journal.lastAnswer().startsWith("200")) {
            List<String> writes = counters.byEndpoint().entrySet().stream()
                    .filter(e -> !READS.contains(e.getKey()))
                    .map(e -> e.getKey() + " x" + e.getValue().calls())
                    .toList();
            unconverged.add("the final run made " + counters.writes() + " write calls " + writes + " changing "
                    + finalRun.cellsChanged + " cells (the same values rewritten when 0) and answered "
                    + journal.lastAnswer());
        }
    }

    /** One run; false when an invariant broke (the history ends there). */
    private boolean run(String query, boolean editing) {
        runs++;
        Journal.Run run = journal.startRun(query);
        columnsAllowed = !addsColumns();
        this.editing = editing;
        current = run;
        FunctionServer.Response response;
        try {
            response = function.post(query);
        } finally {
            current = null;
            emulator.clearFaults();
        }
        journal.answered(run, summary(response));
        if (hookFailure != null) {
            throw new IllegalStateException(
                    "the soak's own hook failed in history " + index + "\n" + journal.account(), hookFailure);
        }
        if (response.status() == 500) {
            unconverged.add("run " + run.number + " answered 500 (a bug): " + response.body());
            return false;
        }
        followMigration();
        return intact(run);
    }

    private boolean intact(Journal.Run run) {
        JsonObject real = pair.real();
        JsonObject shadow = pair.shadow();
        List<Oracle.Finding> cells = new ArrayList<>();
        for (Oracle.Finding finding : Oracle.lostCells(real, shadow)) {
            // The documented residual case: rows moved under a write in its instant, so the write (or the
            // repair that empties what it left in a row without a key) met a cell of a keyless row.
            if (finding.note().contains(Oracle.KEYLESS_METRIC)
                    && run.racesUnderTheWrite().contains(PersonEdits.ROWS_MOVED)) {
                residual++;
                adopt(finding);
            } else {
                cells.add(finding);
            }
        }
        List<Oracle.Finding> formulas = new ArrayList<>();
        List<String> races = run.racesUnderTheWrite();
        for (Oracle.Finding finding : Oracle.lostFormulas(real, shadow)) {
            String cell = finding.sheet() + "!" + Grid.a1(finding.row(), finding.column());
            // A typed formula is known by its text too: a column moved after the write carries it elsewhere.
            boolean residualCase = races.contains(PersonEdits.ROWS_MOVED)
                    || races.contains(PersonEdits.typedInto(cell))
                    || finding.shadow() != null
                            && finding.shadow().isJsonPrimitive()
                            && run.formulasTypedUnderTheWrite().stream()
                                    .anyMatch(typed -> sameButReferences(
                                            typed, finding.shadow().getAsString()));
            if (residualCase && Oracle.inMetricColumn(shadow, finding)) {
                residual++;
                adopt(finding);
            } else {
                formulas.add(finding);
            }
        }
        lostCells.addAll(cells);
        lostFormulas.addAll(formulas);
        return cells.isEmpty() && formulas.isEmpty();
    }

    /** The shadow takes the sheet's value where the documented residual case overwrote a moved formula. */
    /** Two formula texts alike but for their cell references: rows or columns moved later rewrite them. */
    private static boolean sameButReferences(String a, String b) {
        String reference = "\\$?[A-Z]{1,3}\\$?\\d+";
        return a.replaceAll(reference, "#").equals(b.replaceAll(reference, "#"));
    }

    private void adopt(Oracle.Finding finding) {
        if (finding.shadow() != null && finding.shadow().isJsonObject()) {
            // Array-formula output: no typing removes it, so the shadow is reseeded with the sheet's cell.
            pair.setShadowCell(finding.sheet(), finding.row(), finding.column(), finding.real());
            return;
        }
        JsonElement value = finding.real();
        Object typed =
                Values.isEmpty(value) ? "" : Values.isNumber(value) ? value.getAsBigDecimal() : value.getAsString();
        pair.typeInShadow(
                finding.sheet() + "!" + Grid.a1(finding.row(), finding.column()), List.of(List.of(typed)), false);
    }

    /** Whether the next run migrates: the sheet lacks a metric header (such a run writes by position once). */
    private boolean addsColumns() {
        Grid ops = Grid.of(pair.real(), TrackerSheets.OPERACIONES);
        return TrackerSheets.METRIC_HEADERS.stream().anyMatch(h -> ops.column(h) < 0);
    }

    /**
     * A migration legitimately grows the grid and writes the five headers after the last one: the shadow
     * follows, so that only what else the run did shows as a difference.
     */
    private void followMigration() {
        Grid real = Grid.of(pair.real(), TrackerSheets.OPERACIONES);
        Grid shadow = Grid.of(pair.shadow(), TrackerSheets.OPERACIONES);
        if (real.columnCount() > shadow.columnCount()) {
            pair.editShadow(EditRequests.append(
                    TrackerSheets.OPERACIONES_ID, "COLUMNS", real.columnCount() - shadow.columnCount()));
        }
        int width = shadow.headerWidth();
        for (String metric : TrackerSheets.METRIC_HEADERS) {
            int column = real.column(metric);
            if (shadow.column(metric) < 0 && column >= width && Values.isEmpty(shadow.cell(0, column))) {
                pair.typeInShadow(
                        TrackerSheets.OPERACIONES + "!" + Grid.a1(0, column), List.of(List.of(metric)), false);
            }
        }
        followMetadataMigration();
    }

    /** The Metadata migration grows that grid to hold N_UNION and writes its header after Metadata_JSON. */
    private void followMetadataMigration() {
        if (!Dumps.hasSheet(pair.shadow(), TrackerSheets.METADATA)) {
            return;
        }
        Grid real = Grid.of(pair.real(), TrackerSheets.METADATA);
        Grid shadow = Grid.of(pair.shadow(), TrackerSheets.METADATA);
        int column = real.column("N_UNION");
        if (column < 0 || shadow.column("N_UNION") >= 0 || column < shadow.headerWidth()) {
            return;
        }
        if (real.columnCount() > shadow.columnCount()) {
            pair.editShadow(EditRequests.append(
                    TrackerSheets.METADATA_ID, "COLUMNS", real.columnCount() - shadow.columnCount()));
        }
        pair.typeInShadow(TrackerSheets.METADATA + "!" + Grid.a1(0, column), List.of(List.of("N_UNION")), false);
    }

    private static String summary(FunctionServer.Response response) {
        String body = response.body();
        try {
            JsonObject json = response.json();
            if (json.has("error")) {
                body = json.getAsJsonObject("error").get("status").getAsString() + ": "
                        + json.getAsJsonObject("error").get("message").getAsString();
            } else {
                body = json.get("status").getAsString()
                        + (json.has("metrics")
                                ? ", metrics " + json.getAsJsonObject("metrics").get("status")
                                : "");
            }
        } catch (RuntimeException notJson) {
            // the body as it came
        }
        return response.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
