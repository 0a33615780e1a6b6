package io.salespulse.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.ingest.data.DeadLetterRepository;
import io.salespulse.ingest.data.StoreException;
import io.salespulse.support.DeadLetter;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists every dead letter of the platform (topic sales.deadletter.v1, consumer group channel-ingest-deadletters) in
 * ingest.dead_letters, so GET /ingest/deadletters shows rejections by order-service and inventory-service (unknown
 * SKUs...) next to this service's own. One JDBC batch per poll; SmallRye commits the offsets only after this method
 * returns, so a crash re-reads the batch, and the inserts are idempotent on the dead letter's id.
 * <p>
 * A record that is not a readable dead letter is stored as it is under an id made from its position: sending it to
 * the dead-letter topic would loop.
 */
@ApplicationScoped
public class DeadLetterConsumer {
    public static final String CHANNEL = "dead-letters-in";
    /** Header of this service's webhook dead letters naming the delivery (ingest.webhook_deliveries.id). */
    public static final String DELIVERY_HEADER = "x-salespulse-delivery";
    private static final int ATTEMPTS = 5;

    private final DeadLetterRepository deadLetters;
    private final ObjectMapper json;

    public DeadLetterConsumer(DeadLetterRepository deadLetters, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<DeadLetterRepository.Received> received = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            received.add(read(record));
        }
        // PostgreSQL hiccups are retried here; a longer outage fails the channel (health DOWN) without committing.
        for (int attempt = 1; ; attempt++) {
            try {
                deadLetters.insertAll(received);
                return;
            } catch (StoreException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Log.warnf("Storing %d dead letters failed (attempt %d): %s", received.size(), attempt, e.getMessage());
                Thread.sleep(500L * attempt);
            }
        }
    }

    DeadLetterRepository.Received read(ConsumerRecord<String, String> record) {
        try {
            DeadLetter deadLetter = json.readValue(record.value(), DeadLetter.class);
            if (deadLetter.id() == null || deadLetter.source() == null || deadLetter.source().isBlank()) {
                throw new IllegalArgumentException("no id or source");
            }
            String delivery = deadLetter.headers() == null ? null : deadLetter.headers().get(DELIVERY_HEADER);
            return new DeadLetterRepository.Received(deadLetter, delivery == null ? null : UUID.fromString(delivery));
        } catch (Exception unreadable) {
            UUID id = UUID.nameUUIDFromBytes((record.topic() + ":" + record.partition() + ":" + record.offset())
                    .getBytes(StandardCharsets.UTF_8));
            Log.warnf("Record %s-%d@%d is not a readable dead letter; listed as it is", record.topic(),
                    record.partition(), record.offset());
            DeadLetter raw = new DeadLetter(id, record.key() == null ? "unknown" : record.key(), null, null, null,
                    record.key(), "unreadable dead letter: " + unreadable.getMessage(),
                    record.value() == null ? "" : record.value(), Map.of(), Instant.ofEpochMilli(record.timestamp()),
                    "unknown");
            return new DeadLetterRepository.Received(raw, null);
        }
    }
}
