package io.salespulse.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.domain.SaleEvent;
import io.salespulse.support.CloudEvents;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Publishes canonical sale events to sales.events.v1 (channel {@value #CHANNEL}: acks=all, idempotent producer), keyed
 * {@code channel:source:externalId}, with CloudEvents headers. {@link #publish} returns only once the broker has
 * acknowledged the write, so "accepted" always means "durably in Kafka".
 */
@ApplicationScoped
public class SaleEventProducer {
    public static final String CHANNEL = "sale-events";
    public static final String EVENT_TYPE = "io.salespulse.sale-event.v1";
    public static final String EVENT_SOURCE = "/channel-ingest-service";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final Duration timeout;

    public SaleEventProducer(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper json, IngestConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends the event and blocks (a worker thread, never the event loop) until Kafka acknowledges it.
     *
     * @throws PublishFailedException when Kafka refuses it or does not answer within ingest.publish-timeout; the
     *                                event may still arrive later, which is why retries re-send the same eventId
     */
    public void publish(SaleEvent event) {
        Message<String> message = CloudEvents.message(event.key(), serialize(event), event.eventId(), EVENT_TYPE,
                EVENT_SOURCE, event.occurredAt());
        try {
            emitter.sendMessage(message).await().atMost(timeout);
        } catch (TimeoutException e) {
            Log.warnf("Kafka did not acknowledge sale event %s within %s; it may still be delivered", event.eventId(),
                    timeout);
            throw new PublishFailedException(event.eventId(), e);
        } catch (RuntimeException e) {
            // Nacked by the producer (broker unreachable, delivery.timeout.ms elapsed) or the emitter buffer is full.
            Log.warnf("Kafka refused sale event %s: %s", event.eventId(), e.toString());
            throw new PublishFailedException(event.eventId(), e);
        }
    }

    private String serialize(SaleEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A SaleEvent always serialises", e);
        }
    }
}
