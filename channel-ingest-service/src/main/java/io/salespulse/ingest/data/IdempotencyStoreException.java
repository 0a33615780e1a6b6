package io.salespulse.ingest.data;

/** The idempotency store (PostgreSQL) could not answer: without it a retry could become a second sale. */
public class IdempotencyStoreException extends RuntimeException {
    public IdempotencyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
