package io.salespulse.ingest.domain.deadletter;

import java.util.List;
import java.util.UUID;

/**
 * A replayed dead letter: {@code REPUBLISHED} (a rejected sale event sent to sales.events.v1 again, same eventId) or
 * {@code REPROCESSED} (a webhook delivery mapped again and published), with the sale events concerned.
 */
public record ReplayResult(UUID id, String action, List<UUID> eventIds) {
}
