package io.salespulse.ingest.data;

/** Where a request holding an idempotency key stands. */
public enum IdempotencyStatus {
    /** Claimed; its event is being published (or the instance died: see takeover). */
    PENDING,
    /** Kafka acknowledged the event: retries replay this result. */
    ACCEPTED,
    /** Publishing failed: the next retry takes over. */
    FAILED
}
