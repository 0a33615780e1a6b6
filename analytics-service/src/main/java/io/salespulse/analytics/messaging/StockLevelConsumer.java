package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.domain.LivePublisher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;

/**
 * Forwards inventory.levels.v1 to WebSocket clients as {@code stock.level} messages (nothing is
 * stored); stale ones, e.g. from a new replica re-reading the topic, are not forwarded.
 */
@ApplicationScoped
public class StockLevelConsumer {
    public static final String MESSAGE_TYPE = "stock.level";

    private final LivePublisher live;
    private final DeadLetterProducer deadLetters;
    private final AnalyticsConfig config;
    private final Clock clock;

    public StockLevelConsumer(LivePublisher live, DeadLetterProducer deadLetters, AnalyticsConfig config, Clock clock) {
        this.live = live;
        this.deadLetters = deadLetters;
        this.config = config;
        this.clock = clock;
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
            Instant at;
            try {
                level = ForwardedEventParser.parse(record.value(), ForwardedEventParser.STOCK_LEVEL_FIELDS);
                at = ForwardedEventParser.timestamp(level, "updatedAt");
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid inventory.levels.v1 event: " + e.getMessage());
                continue;
            }
            if (at.isAfter(clock.instant().minus(config.ws().maxEventAge()))) {
                live.event(MESSAGE_TYPE, level);
            }
        }
    }
}
