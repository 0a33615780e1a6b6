package io.salespulse.inventory.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.support.CloudEvents;
import io.salespulse.testsupport.InfraTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning with a plain KafkaConsumer (all partitions assigned, no group) on a background
 * thread and keeps every record, so that tests can wait for what the service published.
 */
public final class KafkaRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as the test sees it: key, JSON value, CloudEvents type and source. */
    public record Received(String topic, int partition, String key, String value, String ceType, String ceSource,
                           String ceId) {
        public JsonNode json() {
            try {
                return JSON.readTree(value);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<Received> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private KafkaRecorder(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        records.add(new Received(r.topic(), r.partition(), r.key(), r.value(),
                                CloudEvents.header(r.headers(), CloudEvents.TYPE),
                                CloudEvents.header(r.headers(), CloudEvents.SOURCE),
                                CloudEvents.header(r.headers(), CloudEvents.ID)));
                    }
                }
            }
        }, "recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    public static KafkaRecorder of(String topic) {
        return new KafkaRecorder(topic);
    }

    public List<Received> all() {
        return List.copyOf(records);
    }

    public List<Received> withKey(String key) {
        return matching(r -> key.equals(r.key()));
    }

    public List<Received> matching(Predicate<Received> filter) {
        return records.stream().filter(filter).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
