package io.salespulse.support;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka binary mode: the event is the record value, its attributes travel as {@code ce_*} headers
 * (see deploy/contracts/asyncapi.yaml). Type names are {@code io.salespulse.<event>.v1}, sources {@code /<service>}.
 */
public final class CloudEvents {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }

    public static Headers headers(UUID id, String type, String source, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ID, bytes(id.toString()));
        headers.add(TYPE, bytes(type));
        headers.add(SOURCE, bytes(source));
        headers.add(TIME, bytes(time.toString()));
        headers.add(SPEC_VERSION, bytes("1.0"));
        headers.add(CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    /** A keyed Kafka message carrying {@code json} with its CloudEvents headers. */
    public static Message<String> message(String key, String json, UUID id, String type, String source, Instant time) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers(id, type, source, time))
                .build();
        return Message.of(json).addMetadata(metadata);
    }

    /** The value of a header, or null. */
    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
