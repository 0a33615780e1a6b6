package io.salespulse.ingest.data;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A row of ingest.dead_letters: the dead letter as received or made here, and its replay state. */
public record DeadLetterRow(UUID id, String source, String topic, Integer partition, Long offset, String key,
                            String reason, String payload, Map<String, String> headers, Instant failedAt,
                            String service, UUID deliveryId, DeadLetterStatus status, Instant receivedAt,
                            Instant replayedAt, String replayedBy, int replayCount, String lastReplayError) {

    public DeadLetterRow {
        headers = headers == null ? Map.of() : headers;
    }
}
