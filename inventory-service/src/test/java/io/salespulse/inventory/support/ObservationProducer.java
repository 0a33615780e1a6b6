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

/** Plays device-gateway: sends RFID observations to devices.observations.v1, keyed by location. */
public final class ObservationProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public ObservationProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Sends a contract-valid observation (checked first); waits for the broker's ack. */
    public void send(Observations observation) {
        Contracts.assertValid("devices.observations.v1/observation", observation.json());
        sendRaw(observation.key(), observation.json().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends anything, valid or not, as a record of devices.observations.v1. */
    public void sendRaw(String key, byte[] value) {
        var record = new ProducerRecord<>(Topics.DEVICE_OBSERVATIONS, null, key, value,
                CloudEvents.headers(UUID.randomUUID(), "io.salespulse.observation.v1", "/device-gateway",
                        Instant.now()));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending to devices.observations.v1 failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
