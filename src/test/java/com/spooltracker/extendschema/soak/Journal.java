package com.spooltracker.extendschema.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The readable account of one history: the sheet it started from, and for each run its request, the
 * Sheets calls it made, the edits and faults that landed before each call, and its answer. Printed
 * when an invariant breaks, so a developer can follow (and replay) what happened.
 */
final class Journal {
    /** The calls that write cells of Operaciones: the migration's values, the refresh's metrics. */
    private static final Set<String> WRITES = Set.of("values.batchUpdate", "values.batchUpdateByDataFilter");

    /** One run: its calls, and the edits that landed before call {@code beforeCall} (0-based). */
    static final class Run {
        final int number;
        final String query;
        final List<String> calls = new ArrayList<>();
        final List<Edit> edits = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        String answer = "(no answer)";
        int cellsChanged;

        Run(int number, String query) {
            this.number = number;
            this.query = query;
        }

        /**
         * The documented residual cases that happened to this run: a person inserted or deleted rows of
         * Operaciones ({@link PersonEdits#ROWS_MOVED}: a formula in a metric column can move under the write),
         * or typed a formula into a metric cell (the write can land on that cell), in the window of one of
         * its values writes: after the last grid read of Operaciones before that write, and before it.
         */
        List<String> racesUnderTheWrite() {
            return editsUnderTheWrite().stream().map(Edit::race).toList();
        }

        /** The texts of the formulas a person typed in the window of one of the run's values writes. */
        List<String> formulasTypedUnderTheWrite() {
            return editsUnderTheWrite().stream()
                    .map(Edit::account)
                    .filter(a -> a.startsWith("person typed ") && a.contains(" into "))
                    .map(a -> a.substring("person typed ".length(), a.indexOf(" into ")))
                    .toList();
        }

        /** The racing edits that landed after the last grid read of Operaciones before a values write, and before it. */
        private List<Edit> editsUnderTheWrite() {
            List<Edit> under = new ArrayList<>();
            int lastGridRead = -1;
            for (int i = 0; i < calls.size(); i++) {
                // A grid read of Operaciones: by position, or, on a new instance, by data filter.
                if (calls.get(i).equals("spreadsheets.get") || calls.get(i).equals("spreadsheets.getByDataFilter")) {
                    lastGridRead = i;
                }
                if (!WRITES.contains(calls.get(i)) || lastGridRead < 0) {
                    continue;
                }
                for (Edit edit : edits) {
                    if (edit.race() != null && edit.beforeCall() > lastGridRead && edit.beforeCall() <= i) {
                        under.add(edit);
                    }
                }
            }
            return under;
        }
    }

    record Edit(int beforeCall, String account, String race) {}

    private final List<String> opening = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private final List<String> between = new ArrayList<>();

    Journal(String start) {
        opening.add(start);
    }

    synchronized void betweenRuns(String account) {
        between.add(account);
    }

    synchronized Run startRun(String query) {
        Run run = new Run(runs.size() + 1, query);
        run.lines.addAll(between.stream().map(a -> "  between runs: " + a).toList());
        between.clear();
        runs.add(run);
        return run;
    }

    synchronized void call(Run run, String endpoint) {
        run.calls.add(endpoint);
        run.lines.add("  call " + run.calls.size() + ": " + endpoint);
    }

    /** An edit that lands before the call about to be made (the one {@link #call} records next). */
    synchronized void editBeforeCall(Run run, String account) {
        run.edits.add(new Edit(run.calls.size(), account, PersonEdits.race(account)));
        run.lines.add("    before call " + (run.calls.size() + 1) + ": " + account);
    }

    /** A cell the call just made changed (the emulator reports them under its lock, before answering). */
    synchronized void cellWritten(Run run, String sheet, int row, int column, String before, String after) {
        String cell = sheet + "!" + Grid.a1(row, column);
        run.cellsChanged++;
        run.lines.add("      wrote " + cell + ": " + before + " -> " + after);
    }

    synchronized void faultOnCall(Run run, String endpoint, String what) {
        run.lines.add("    fault on call " + (run.calls.size() + 1) + " (" + endpoint + "): " + what);
    }

    synchronized void answered(Run run, String answer) {
        run.answer = answer;
    }

    synchronized Run lastRun() {
        return runs.get(runs.size() - 1);
    }

    synchronized String lastAnswer() {
        return runs.isEmpty() ? "" : runs.get(runs.size() - 1).answer;
    }

    synchronized String account() {
        StringBuilder text = new StringBuilder();
        opening.forEach(line -> text.append("  ").append(line).append('\n'));
        for (Run run : runs) {
            text.append("  run ").append(run.number).append(": POST ?").append(run.query);
            List<String> races = run.racesUnderTheWrite();
            text.append(races.isEmpty() ? "" : " [between its read and its write: " + String.join(", ", races) + "]");
            text.append('\n');
            run.lines.forEach(line -> text.append("  ").append(line).append('\n'));
            text.append("    answer: ").append(run.answer).append('\n');
        }
        between.forEach(
                line -> text.append("    after the last run: ").append(line).append('\n'));
        return text.toString();
    }
}
