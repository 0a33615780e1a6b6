package io.salespulse.ingest.data;

/** Where a recorded webhook delivery stands (ingest.webhook_deliveries.status). */
public enum DeliveryStatus {
    /** Verified and recorded; the worker has not finished it yet. */
    PENDING,
    /** Published as one or more new sale events. */
    PROCESSED,
    /** Its orders were already published (the same order arrived under another delivery id): no new event. */
    DUPLICATE,
    /** Nothing to publish by design (an update without refund, a failed order, a money-only refund...). */
    IGNORED,
    /** Could not be mapped: listed under /ingest/deadletters and sent to sales.deadletter.v1. */
    DEAD_LETTERED
}
