package io.salespulse.analytics.messaging;

import io.salespulse.support.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Forwards alerts.v1 to WebSocket clients as {@code alert} messages. */
@ApplicationScoped
public class AlertConsumer {
    public static final String MESSAGE_TYPE = "alert";
    private static final LiveForwarder.Forwarded ALERTS = new LiveForwarder.Forwarded(Topics.ALERTS,
            ForwardedEventParser.ALERT_FIELDS, "occurredAt", MESSAGE_TYPE, false);

    private final LiveForwarder forwarder;

    public AlertConsumer(LiveForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        forwarder.forward(records, ALERTS);
    }
}
