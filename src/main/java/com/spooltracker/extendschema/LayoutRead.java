package com.spooltracker.extendschema;

import com.spooltracker.extendschema.failure.Failure;
import java.util.List;
import java.util.function.Function;

/**
 * The one way both steps read a sheet whose layout they presume: read the columns presumed (from the
 * cache, the tracker's layout or the column marks), let the header in the same answer say which columns
 * are needed, and read again while they differ, {@value #READS_AT_MOST} times at the most.
 */
final class LayoutRead {
    static final int READS_AT_MOST = 3;

    private LayoutRead() {}

    /** What one read found: the result, when it holds every column its own header needs; else the columns to read next. */
    sealed interface Attempt<C, R> {
        record Done<C, R>(R result) implements Attempt<C, R> {}

        record Again<C, R>(C columns) implements Attempt<C, R> {}
    }

    /**
     * @param first the columns presumed
     * @param read one read of the columns given, judged against its own header
     * @param sheet the sheet's title, for the refusal when the header changes on every read
     * @param nothingWritten what the refusal says was left unwritten
     * @throws Failure.Conflicted when the header changed on each read
     */
    static <C, R> R confirmed(C first, Function<C, Attempt<C, R>> read, String sheet, String nothingWritten) {
        C columns = first;
        for (int attempt = 0; attempt < READS_AT_MOST; attempt++) {
            Attempt<C, R> answer = read.apply(columns);
            if (answer instanceof Attempt.Done<C, R> done) {
                return done.result();
            }
            columns = ((Attempt.Again<C, R>) answer).columns();
        }
        throw new Failure.Conflicted(
                "The header of sheet '" + sheet + "' changed on each of " + READS_AT_MOST + " reads. " + nothingWritten
                        + "; run again once edits have settled.",
                List.of());
    }
}
