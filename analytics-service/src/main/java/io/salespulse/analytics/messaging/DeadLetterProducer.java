package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends what a consumer cannot process to sales.deadletter.v1 and waits for the broker's ack, so that the
 * consumer's offset moves past the record only once the dead letter is safely stored.
 */
@ApplicationScoped
public class DeadLetterProducer {
    static final String SERVICE = "analytics-service";
    static final String SOURCE = "/analytics-service";
    /** Headers worth keeping for a replay; nothing else (never credentials) is copied. */
    private static final Set<String> KEPT_HEADERS = Set.of(CloudEvents.ID, CloudEvents.TYPE, CloudEvents.SOURCE,
            CloudEvents.TIME, CloudEvents.SPEC_VERSION, CloudEvents.CONTENT_TYPE, "traceparent", "tracestate");

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public DeadLetterProducer(@Channel("dead-letters") MutinyEmitter<String> emitter, ObjectMapper json,
                              MeterRegistry registry) {
        this.emitter = emitter;
        this.json = json;
        this.registry = registry;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        DeadLetter letter = DeadLetter.ofRecord(SERVICE, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), headers(record), reason);
        String payload;
        try {
            payload = json.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        emitter.sendMessageAndAwait(CloudEvents.message(letter.source(), payload, letter.id(), DeadLetter.EVENT_TYPE,
                SOURCE, letter.failedAt()));
        Counter.builder("salespulse.analytics.deadlettered")
                .description("Records sent to sales.deadletter.v1")
                .tag("topic", record.topic())
                .register(registry)
                .increment();
        Log.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (KEPT_HEADERS.contains(header.key())) {
                headers.put(header.key(), header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
