package io.salespulse.ingest.domain.pos;

import io.salespulse.ingest.domain.SaleDraftRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups the rows of a POS export into receipts while the file streams by, holding one receipt at a time: a receipt
 * is complete when a row of another receipt (or the end of the file) comes. POS exports list a receipt's rows
 * together; a receipt whose rows are scattered is caught by the idempotency store (same externalId, other content).
 * An invalid row holds back the receipt it belongs to (never a partial sale); a row whose store or receipt cannot be
 * read holds back the receipt in progress if it may be one of its rows. Memory is bounded: a receipt keeps at most {@value #MAX_KEPT_ROWS} rows.
 */
public final class ReceiptAssembler {
    public static final int MAX_KEPT_ROWS = SaleDraftRules.MAX_LINES + 1;

    private String store;
    private String receiptId;
    private final List<PosRow> rows = new ArrayList<>();
    private final List<Integer> rowNumbers = new ArrayList<>();
    private final List<PosLine.Invalid> invalid = new ArrayList<>();
    private int rowCount;

    /** Adds a row; returns the receipt it completed, if any. */
    public PosReceipt accept(PosLine line) {
        String lineStore;
        String lineReceipt;
        if (line instanceof PosLine.Valid valid) {
            lineStore = valid.data().store();
            lineReceipt = valid.data().receiptId();
        } else {
            PosLine.Invalid bad = (PosLine.Invalid) line;
            lineStore = bad.store();
            lineReceipt = bad.receiptId();
            if (lineStore == null || lineReceipt == null) {
                // Half-readable: if what can be read matches the receipt in progress, it may be one of its rows and
                // holds it back; otherwise it stands alone and the receipt in progress goes on.
                boolean mayBelong = store != null && (lineStore == null || lineStore.equals(store))
                        && (lineReceipt == null || lineReceipt.equals(receiptId));
                if (!mayBelong) {
                    return new PosReceipt(null, null, List.of(), List.of(bad.row()), List.of(bad), 1);
                }
                add(line);
                return null;
            }
        }
        PosReceipt completed = null;
        if (store != null && !(Objects.equals(store, lineStore) && Objects.equals(receiptId, lineReceipt))) {
            completed = finish();
        }
        store = lineStore;
        receiptId = lineReceipt;
        add(line);
        return completed;
    }

    /** The receipt in progress, at the end of the file; null when there is none. */
    public PosReceipt finish() {
        if (store == null) {
            return null;
        }
        PosReceipt receipt = new PosReceipt(store, receiptId, rows, rowNumbers, invalid, rowCount);
        store = null;
        receiptId = null;
        rows.clear();
        rowNumbers.clear();
        invalid.clear();
        rowCount = 0;
        return receipt;
    }

    private void add(PosLine line) {
        rowCount++;
        if (rowNumbers.size() < MAX_KEPT_ROWS) {
            rowNumbers.add(line.row());
        }
        if (line instanceof PosLine.Valid valid) {
            if (rows.size() < MAX_KEPT_ROWS) {
                rows.add(valid.data());
            }
        } else if (invalid.size() < MAX_KEPT_ROWS) {
            invalid.add((PosLine.Invalid) line);
        }
    }
}
