package io.salespulse.ingest.domain.pos;

import io.salespulse.ingest.domain.SaleDraftRules;

import java.util.List;

/**
 * The consecutive rows of one receipt (same store and receipt id), or what is known of a receipt held back: its valid
 * rows (at most {@link ReceiptAssembler#MAX_KEPT_ROWS}), the row numbers of all its rows (same bound) and the invalid
 * rows that taint it. {@code rowCount} counts every row, kept or not.
 */
public record PosReceipt(String store, String receiptId, List<PosRow> rows, List<Integer> rowNumbers,
                         List<PosLine.Invalid> invalid, int rowCount) {

    public PosReceipt {
        rows = List.copyOf(rows);
        rowNumbers = List.copyOf(rowNumbers);
        invalid = List.copyOf(invalid);
    }

    /** The externalId of the receipt's sale: {@code <store>:<receipt id>}. */
    public String externalId() {
        return store + ":" + receiptId;
    }

    public boolean valid() {
        return invalid.isEmpty() && rowCount == rows.size() && rowCount <= SaleDraftRules.MAX_LINES;
    }
}
