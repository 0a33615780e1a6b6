package io.salespulse.ingest.domain.pos;

/** What the reader made of one CSV record: a valid row, or an invalid one with its reason. */
public sealed interface PosLine {

    /** The record's line number in the file (the header is line 1). */
    int row();

    record Valid(PosRow data) implements PosLine {
        @Override
        public int row() {
            return data.row();
        }
    }

    /** {@code store} and {@code receiptId} when readable, so the rest of that receipt is held back too. */
    record Invalid(int row, String store, String receiptId, String reason) implements PosLine {
    }
}
