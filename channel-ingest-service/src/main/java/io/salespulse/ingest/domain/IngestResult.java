package io.salespulse.ingest.domain;

import java.util.UUID;

/** An accepted sale: its event is in Kafka. {@code replayed} when this answers a retry of an earlier request. */
public record IngestResult(UUID eventId, String externalId, boolean replayed) {
}
