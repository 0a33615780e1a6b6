package io.salespulse.inventory.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One record to publish: topic, key, CloudEvents id/type/time and the JSON payload. {@code id} (the outbox row,
 * which orders sending) is null until stored.
 */
public record OutboxMessage(Long id, String topic, String key, UUID eventId, String eventType, Instant eventTime,
                            String payload) {

    public static OutboxMessage of(String topic, String key, String eventType, Instant eventTime, String payload) {
        return new OutboxMessage(null, topic, key, UUID.randomUUID(), eventType, eventTime, payload);
    }
}
