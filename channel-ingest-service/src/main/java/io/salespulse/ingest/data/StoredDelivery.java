package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.webhook.WebhookChannel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of ingest.webhook_deliveries. {@code body} is the redacted JSON, or null if the signed body was not JSON. */
public record StoredDelivery(UUID id, WebhookChannel channel, String source, String topic, String deliveryId,
                             Instant receivedAt, String verification, DeliveryStatus status, String body,
                             String bodySha256, String customerRef, int attempts, int redeliveries, String lastError,
                             Instant processedAt, List<UUID> eventIds) {

    public StoredDelivery {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }
}
