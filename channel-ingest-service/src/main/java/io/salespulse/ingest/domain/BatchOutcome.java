package io.salespulse.ingest.domain;

import java.util.UUID;

/** What became of one sale of a batch ({@link SaleIngestService#ingestBatch}). */
public sealed interface BatchOutcome {

    /** Published as a new event, acknowledged by Kafka. */
    record Accepted(UUID eventId, String externalId) implements BatchOutcome {
    }

    /** Already published earlier (same source, externalId and content): nothing sent. */
    record Duplicate(UUID eventId, String externalId) implements BatchOutcome {
    }

    /** Refused for good: its externalId was used for different content, or it is being published right now. */
    record Rejected(String reason) implements BatchOutcome {
    }

    /** Kafka did not acknowledge it: not accepted; the same sale may be submitted again. */
    record Failed(String reason) implements BatchOutcome {
    }
}
