package io.sheetsemulator.model;

/**
 * A structural change along one dimension of one sheet: rows or columns inserted, deleted or moved. It
 * maps an index before the change to the index after it, which is all that moving cells, rewriting
 * formulas and carrying developer metadata need to know.
 */
public sealed interface GridShift {

    /** The sheet whose grid changes. */
    int sheetId();

    /** True for rows, false for columns. */
    boolean rows();

    /** Where the row or column at {@code index} (before the change) ends up; -1 if it was deleted. */
    int map(int index);

    /** {@code count} new rows or columns before {@code at}. */
    record Insert(int sheetId, boolean rows, int at, int count) implements GridShift {
        @Override
        public int map(int index) {
            return index >= at ? index + count : index;
        }
    }

    /** Rows or columns {@code start} (inclusive) to {@code end} (exclusive) removed. */
    record Delete(int sheetId, boolean rows, int start, int end) implements GridShift {
        @Override
        public int map(int index) {
            if (index < start) {
                return index;
            }
            return index >= end ? index - (end - start) : -1;
        }
    }

    /**
     * Rows or columns {@code start..end} moved so that they come before {@code destination}, an index in
     * the coordinates before the move, as the MoveDimensionRequest documents it.
     */
    record Move(int sheetId, boolean rows, int start, int end, int destination) implements GridShift {
        @Override
        public int map(int index) {
            int count = end - start;
            if (destination > end) {
                // Block moves down: the ones between the block and the destination move up by its length.
                if (index >= start && index < end) {
                    return index + (destination - end);
                }
                return index >= end && index < destination ? index - count : index;
            }
            if (destination < start) {
                if (index >= start && index < end) {
                    return index - (start - destination);
                }
                return index >= destination && index < start ? index + count : index;
            }
            return index;
        }
    }
}
