package io.salespulse.ingest.data;

/** ingest.dead_letters.status. */
public enum DeadLetterStatus {
    /** Waiting for someone to fix the cause and replay it. */
    OPEN,
    /** Re-submitted; if it fails again, the consumer that rejects it sends a new dead letter. */
    REPLAYED
}
