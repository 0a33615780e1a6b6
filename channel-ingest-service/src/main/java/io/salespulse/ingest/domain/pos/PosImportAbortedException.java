package io.salespulse.ingest.domain.pos;

/**
 * Kafka or PostgreSQL failed during an import: it stopped. The receipts published before stay published; uploading
 * the same file again imports the rest (the receipts already imported are recognised and skipped).
 */
public class PosImportAbortedException extends RuntimeException {
    public PosImportAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
