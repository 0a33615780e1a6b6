package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.analytics.domain.LivePublisher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Forwards alerts.v1 to WebSocket clients as {@code alert} messages; nothing is stored. */
@ApplicationScoped
public class AlertConsumer {
    public static final String MESSAGE_TYPE = "alert";

    private final LivePublisher live;
    private final DeadLetterProducer deadLetters;

    public AlertConsumer(LivePublisher live, DeadLetterProducer deadLetters) {
        this.live = live;
        this.deadLetters = deadLetters;
    }

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode alert;
            try {
                alert = ForwardedEventParser.parse(record.value(), ForwardedEventParser.ALERT_FIELDS);
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid alerts.v1 event: " + e.getMessage());
                continue;
            }
            live.event(MESSAGE_TYPE, alert);
        }
    }
}
