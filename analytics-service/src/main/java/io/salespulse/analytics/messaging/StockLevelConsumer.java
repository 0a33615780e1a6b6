package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.analytics.domain.LivePublisher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Forwards inventory.levels.v1 to WebSocket clients as {@code stock.level} messages; nothing is stored. */
@ApplicationScoped
public class StockLevelConsumer {
    public static final String MESSAGE_TYPE = "stock.level";

    private final LivePublisher live;
    private final DeadLetterProducer deadLetters;

    public StockLevelConsumer(LivePublisher live, DeadLetterProducer deadLetters) {
        this.live = live;
        this.deadLetters = deadLetters;
    }

    @Incoming("stock-levels")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                // A tombstone of the compacted topic: the level was deleted, nothing to show.
                continue;
            }
            JsonNode level;
            try {
                level = ForwardedEventParser.parse(record.value(), ForwardedEventParser.STOCK_LEVEL_FIELDS);
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid inventory.levels.v1 event: " + e.getMessage());
                continue;
            }
            live.event(MESSAGE_TYPE, level);
        }
    }
}
