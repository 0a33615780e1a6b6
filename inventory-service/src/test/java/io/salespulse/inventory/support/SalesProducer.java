package io.salespulse.inventory.support;

import io.salespulse.support.CloudEvents;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Plays channel-ingest-service: sends sale events to sales.events.v1 with CloudEvents headers. */
public final class SalesProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public SalesProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Sends a contract-valid event (checked first) keyed like ingest does; waits for the broker's ack. */
    public void send(SaleEvents event) {
        send(event, null);
    }

    /** As {@link #send(SaleEvents)}, to one partition (to make two consumers work on the same product). */
    public void send(SaleEvents event, Integer partition) {
        Contracts.assertValid("sales.events.v1/sale-event", event.json());
        sendRaw(event.key(), event.json().getBytes(StandardCharsets.UTF_8), partition, event.eventId());
    }

    /** Sends anything, valid or not, as a record of sales.events.v1. */
    public void sendRaw(String key, byte[] value, Integer partition, String ceId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SALES_EVENTS, partition, key, value,
                CloudEvents.headers(ceId == null ? UUID.randomUUID() : UUID.fromString(ceId),
                        "io.salespulse.sale-event.v1", "/channel-ingest-service", Instant.now()));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending to sales.events.v1 failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
