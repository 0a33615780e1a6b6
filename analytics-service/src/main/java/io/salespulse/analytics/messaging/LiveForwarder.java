package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.domain.LivePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Forwards another service's events to WebSocket clients unchanged (nothing is stored). Malformed ones go to the
 * dead-letter topic; stale ones, e.g. from a new replica re-reading the topic, are not forwarded.
 */
@ApplicationScoped
public class LiveForwarder {

    /** One forwarded topic: what it must contain, which field dates it, and the message type clients see. */
    public record Forwarded(String topic, List<String> requiredFields, String timeField, String messageType,
                            boolean compacted) {
    }

    private final LivePublisher live;
    private final DeadLetterProducer deadLetters;
    private final AnalyticsConfig config;
    private final Clock clock;

    public LiveForwarder(LivePublisher live, DeadLetterProducer deadLetters, AnalyticsConfig config, Clock clock) {
        this.live = live;
        this.deadLetters = deadLetters;
        this.config = config;
        this.clock = clock;
    }

    public void forward(ConsumerRecords<String, byte[]> records, Forwarded forwarded) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (forwarded.compacted() && record.value() == null) {
                // A tombstone of a compacted topic: the entity was deleted, nothing to show.
                continue;
            }
            JsonNode event;
            Instant at;
            try {
                event = ForwardedEventParser.parse(record.value(), forwarded.requiredFields());
                at = ForwardedEventParser.timestamp(event, forwarded.timeField());
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid " + forwarded.topic() + " event: " + e.getMessage());
                continue;
            }
            if (at.isAfter(clock.instant().minus(config.ws().maxEventAge()))) {
                live.event(forwarded.messageType(), event);
            }
        }
    }
}
