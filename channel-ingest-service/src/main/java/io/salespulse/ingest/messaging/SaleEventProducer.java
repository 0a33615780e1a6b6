package io.salespulse.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.domain.SaleEvent;
import io.salespulse.support.CloudEvents;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Publishes canonical sale events to sales.events.v1 (channel {@value #CHANNEL}: acks=all, idempotent producer), keyed
 * {@code channel:source:externalId}, with CloudEvents headers. {@link #publish} completes only once the broker has
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

    // POS imports send a batch of events before waiting for the acks: room for several batches at once.
    public SaleEventProducer(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                             MutinyEmitter<String> emitter, ObjectMapper json, IngestConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends the event; the Uni completes once Kafka has acknowledged it, on a Kafka client thread (chain nothing that
     * blocks). {@code trace} is the request's OpenTelemetry context: the record's traceparent continues it whichever
     * thread sends.
     * <p>
     * Fails with {@link PublishFailedException} when Kafka refuses the event or does not answer within
     * ingest.publish-timeout; the event may still arrive later, which is why retries re-send the same eventId.
     */
    public Uni<Void> publish(SaleEvent event, Context trace) {
        Message<String> message = CloudEvents.message(event.key(), serialize(event), event.eventId(), EVENT_TYPE,
                EVENT_SOURCE, event.occurredAt()).addMetadata(TracingMetadata.withCurrent(trace));
        return emitter.sendMessage(message)
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(failure -> {
                    if (failure instanceof TimeoutException) {
                        Log.warnf("Kafka did not acknowledge sale event %s within %s; it may still be delivered",
                                event.eventId(), timeout);
                    } else {
                        // Nacked (broker unreachable, delivery.timeout.ms elapsed) or the emitter buffer is full.
                        Log.warnf("Kafka refused sale event %s: %s", event.eventId(), failure.toString());
                    }
                    return new PublishFailedException(event.eventId(), failure);
                });
    }

    /**
     * Sends all events, then waits (at most ingest.publish-timeout in total) until Kafka acknowledged each: one wait
     * for a whole batch instead of one per event. Returns, per event in order, null when acknowledged or the failure.
     */
    public List<Throwable> publishAll(List<SaleEvent> events) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (SaleEvent event : events) {
            Message<String> message = CloudEvents.message(event.key(), serialize(event), event.eventId(), EVENT_TYPE,
                    EVENT_SOURCE, event.occurredAt());
            try {
                acks.add(emitter.sendMessage(message).subscribeAsCompletionStage());
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Throwable> failures = new ArrayList<>(events.size());
        for (CompletableFuture<Void> ack : acks) {
            failures.add(await(ack, deadline));
        }
        long failed = failures.stream().filter(f -> f != null).count();
        if (failed > 0) {
            Log.warnf("Kafka did not acknowledge %d of %d sale events", failed, events.size());
        }
        return failures;
    }

    /**
     * Publishes a sale event again exactly as it was (a replay of a dead letter): same key, same eventId, so
     * consumers that did process it the first time ignore it.
     *
     * @throws PublishFailedException when Kafka does not acknowledge it in time
     */
    public void republish(String key, String json, UUID eventId, Instant occurredAt) {
        Message<String> message = CloudEvents.message(key, json, eventId, EVENT_TYPE, EVENT_SOURCE, occurredAt);
        try {
            emitter.sendMessage(message).await().atMost(timeout);
        } catch (RuntimeException e) {
            Log.warnf("Kafka did not acknowledge the replayed sale event %s: %s", eventId, e.toString());
            throw new PublishFailedException(eventId, e);
        }
    }

    private static Throwable await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
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
