package io.salespulse.ingest.domain.pos;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: {@code rows} data rows read, {@code receipts} receipts seen, {@code accepted} receipts published
 * as new sale events ({@code acceptedRows} rows), {@code duplicateReceipts} receipts imported before (no new event),
 * {@code rejectedRows} rows not imported, the first of them in {@code rejected} with the reason. {@code error} is set
 * when the file could not be read to its end (malformed CSV); what came before it was imported.
 */
public record PosImportResult(UUID importId, String fileSha256, long bytes, int rows, int receipts, int accepted,
                              int acceptedRows, int duplicateReceipts, int rejectedRows, List<Rejection> rejected,
                              UUID previousImportId, String error) {

    public PosImportResult {
        rejected = List.copyOf(rejected);
    }

    /** One rejected row: its line in the file and why. */
    public record Rejection(int row, String reason) {
    }
}
