package io.salespulse.support.data;

import java.util.function.IntUnaryOperator;

/**
 * Work on many rows done a chunk per statement (and transaction), so that no run holds many row locks at once or one
 * long transaction: retention deletes, for instance.
 */
public final class Chunks {
    /** The chunk the retention deletes use. */
    public static final int DELETE_CHUNK = 5_000;

    private Chunks() {
    }

    /**
     * Calls {@code chunk} with {@code size} until it handles fewer than {@code size} rows.
     *
     * @param chunk handles at most the given number of rows and returns how many it handled
     * @return the rows handled over all calls
     */
    public static long untilFewerThan(int size, IntUnaryOperator chunk) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive, not " + size);
        }
        long total = 0;
        int handled;
        do {
            handled = chunk.applyAsInt(size);
            total += handled;
        } while (handled >= size);
        return total;
    }
}
