package io.salespulse.ingest.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What is made up for an event rather than read from the request: its id, and the externalId and occurredAt when the
 * caller gave none. Stored with the idempotency key, so that a retried publish sends the very same event (consumers
 * deduplicate on eventId even if the first attempt did reach Kafka after we gave up waiting).
 */
public record EventIdentity(UUID eventId, String externalId, Instant occurredAt) {
}
