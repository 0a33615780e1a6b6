package io.salespulse.ingest.data;

/** PostgreSQL could not answer a webhook, dead-letter or import query. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
