package io.salespulse.devices.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A running cycle count of one reader. Its tags live in PostgreSQL (CycleCountRepository), not here: the count
 * survives a restart and any instance can take the next batch. {@code countId} becomes the observationId.
 */
public record CycleCount(UUID countId, String deviceId, String zone, Instant startedAt) {
}
