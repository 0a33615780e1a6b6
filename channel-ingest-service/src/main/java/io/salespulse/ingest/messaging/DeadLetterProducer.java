package io.salespulse.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;

/**
 * Sends this service's dead letters (webhook deliveries it cannot map) to sales.deadletter.v1, keyed by the dead
 * letter's source, ce_type {@value DeadLetter#EVENT_TYPE}. Blocks until the broker acknowledged.
 */
@ApplicationScoped
public class DeadLetterProducer {
    public static final String CHANNEL = "dead-letters-out";
    public static final String SERVICE = "channel-ingest-service";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final Duration timeout;

    public DeadLetterProducer(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper json, IngestConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /** @throws PublishFailedException when Kafka does not acknowledge it in time */
    public void publish(DeadLetter deadLetter) {
        try {
            emitter.sendMessage(CloudEvents.message(deadLetter.source(), json.writeValueAsString(deadLetter),
                            deadLetter.id(), DeadLetter.EVENT_TYPE, SaleEventProducer.EVENT_SOURCE, deadLetter.failedAt()))
                    .await().atMost(timeout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A DeadLetter always serialises", e);
        } catch (RuntimeException e) {
            throw new PublishFailedException(deadLetter.id(), e);
        }
    }
}
