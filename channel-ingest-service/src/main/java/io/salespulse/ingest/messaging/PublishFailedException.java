package io.salespulse.ingest.messaging;

import java.util.UUID;

/** Kafka did not acknowledge a sale event in time: the caller must not be told the sale was accepted. */
public class PublishFailedException extends RuntimeException {
    private final UUID eventId;

    public PublishFailedException(UUID eventId, Throwable cause) {
        super("Sale event " + eventId + " was not acknowledged by Kafka", cause);
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
