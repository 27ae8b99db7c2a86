package com.spooltracker.extendschema.soak;

import com.spooltracker.extendschema.testing.FunctionServer;
import io.sheetsemulator.SheetsEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays histories one after another against one emulator and one function served by the invoker, and
 * sums them up in one line:
 * {@code soak: H histories, R runs, E edits mid-run, F faults, 0 cells lost outside the metric columns,
 * 0 formulas lost, 0 unconverged}.
 */
final class SoakRun {
    /**
     * @param seed the soak's seed; history {@code i} plays from {@code (seed, i)} alone
     * @param histories how many histories, from index {@code first}
     * @param budget the run stops starting histories after this long (the count played is in the line)
     */
    record Settings(long seed, int first, int histories, Duration budget) {
        /** From {@code -Dsoak.seed}, {@code -Dsoak.histories}, {@code -Dsoak.history} (one only), {@code -Dsoak.minutes}. */
        static Settings fromProperties(long defaultSeed, int defaultHistories) {
            long seed = Long.getLong("soak.seed", defaultSeed);
            Integer only = Integer.getInteger("soak.history");
            int histories = Integer.getInteger("soak.histories", defaultHistories);
            Duration budget = Duration.ofMinutes(Long.getLong("soak.minutes", 120));
            return only == null ? new Settings(seed, 0, histories, budget) : new Settings(seed, only, 1, budget);
        }
    }

    /** The sums, the histories that broke an invariant, and (when asked) every history's account. */
    record Summary(
            int histories,
            int runs,
            int editsMidRun,
            int faults,
            int residualFormulas,
            int cellsLost,
            int formulasLost,
            int unconverged,
            List<History.Outcome> failures,
            List<String> accounts) {
        String line() {
            return "soak: " + histories + " histories, " + runs + " runs, " + editsMidRun + " edits mid-run, " + faults
                    + " faults, " + cellsLost + " cells lost outside the metric columns, " + formulasLost
                    + " formulas lost, " + unconverged + " unconverged";
        }

        boolean passed() {
            return cellsLost == 0 && formulasLost == 0 && unconverged == 0;
        }

        /** Each failure: how to replay it, what broke, and the history's account. */
        String failureReport() {
            StringBuilder text = new StringBuilder();
            for (History.Outcome failure : failures) {
                text.append("FAILED history ")
                        .append(failure.index())
                        .append(" of seed ")
                        .append(failure.seed())
                        .append(" (replay: mvn -B test -Dtest=SoakTest -Dsoak.seed=")
                        .append(failure.seed())
                        .append(" -Dsoak.history=")
                        .append(failure.index())
                        .append(")\n");
                failure.lostCells()
                        .forEach(f -> text.append("  cell lost: ").append(f).append('\n'));
                failure.lostFormulas()
                        .forEach(f -> text.append("  formula lost: ").append(f).append('\n'));
                failure.unconverged()
                        .forEach(f -> text.append("  unconverged: ").append(f).append('\n'));
                text.append(failure.account());
            }
            return text.toString();
        }
    }

    private SoakRun() {}

    static Summary play(Settings settings) {
        return play(settings, false);
    }

    /** @param keepAccounts keep every history's account in {@link Summary#accounts} (for a few histories only) */
    static Summary play(Settings settings, boolean keepAccounts) {
        try (SheetsEmulator emulator = SheetsEmulator.start();
                FunctionServer function = FunctionServer.start(Map.of(
                        "SHEETS_EMULATOR_HOST",
                        emulator.hostPort(),
                        "SPREADSHEET_ID",
                        SheetPair.REAL,
                        "SHEETS_BACKOFF_INITIAL_MS",
                        "1",
                        "SHEETS_DEADLINE_SECONDS",
                        "10"))) {
            History[] playing = new History[1];
            emulator.onCall(call -> {
                History history = playing[0];
                if (history != null) {
                    history.beforeCall(call.endpoint(), call.spreadsheetId());
                }
            });
            emulator.onCellWrite(write -> {
                History history = playing[0];
                if (history != null) {
                    history.cellWritten(write);
                }
            });
            long deadline = System.nanoTime() + settings.budget().toNanos();
            int histories = 0, runs = 0, edits = 0, faults = 0, residual = 0, cells = 0, formulas = 0, unconverged = 0;
            List<History.Outcome> failures = new ArrayList<>();
            List<String> accounts = new ArrayList<>();
            for (int i = settings.first(); i < settings.first() + settings.histories(); i++) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                playing[0] = new History(emulator, function, settings.seed(), i);
                History.Outcome outcome = playing[0].play();
                playing[0] = null;
                histories++;
                runs += outcome.runs();
                edits += outcome.editsMidRun();
                faults += outcome.faults();
                residual += outcome.residualFormulas();
                cells += outcome.lostCells().size();
                formulas += outcome.lostFormulas().size();
                unconverged += outcome.unconverged().size();
                if (keepAccounts) {
                    accounts.add(outcome.account());
                }
                if (outcome.failed()) {
                    failures.add(outcome);
                }
            }
            return new Summary(
                    histories, runs, edits, faults, residual, cells, formulas, unconverged, failures, accounts);
        }
    }
}
