package io.salespulse.ingest;

import io.salespulse.support.CloudEvents;
import io.salespulse.testsupport.InfraTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a topic of the real broker from a mark (its end offsets at some moment) to its current end, so a test sees
 * exactly what was published after the mark, however much other tests published before.
 */
public final class TopicReader {
    private TopicReader() {
    }

    /** The end offsets of {@code topic} now. */
    public static Map<TopicPartition, Long> mark(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /** Every record published to the marked topic since {@code mark}. */
    public static List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> mark) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = List.copyOf(mark.keySet());
            consumer.assign(partitions);
            mark.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records since {@code mark} whose CloudEvents id is {@code id}. */
    public static List<ConsumerRecord<String, String>> withId(Map<TopicPartition, Long> mark, Object id) {
        return since(mark).stream().filter(r -> id.toString().equals(CloudEvents.header(r.headers(), CloudEvents.ID)))
                .toList();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }
}
