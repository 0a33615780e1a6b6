package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.EventIdentity;

import java.time.Instant;

/** A row of ingest.idempotency_keys. */
public record IdempotencyRecord(String scope, String key, String requestHash, EventIdentity identity,
                                IdempotencyStatus status, Instant createdAt, Instant updatedAt) {
}
