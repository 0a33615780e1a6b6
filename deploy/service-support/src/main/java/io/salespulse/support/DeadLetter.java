package io.salespulse.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * What a service could not process, with the reason and the raw input, for topic sales.deadletter.v1
 * (deploy/contracts/sales.deadletter.v1/dead-letter.schema.json; key {@code source}). Ops can inspect and replay it.
 */
public record DeadLetter(UUID id, String source, String topic, Integer partition, Long offset, String key,
                         String reason, String payload, Map<String, String> headers, Instant failedAt,
                         String service) {

    public static final String EVENT_TYPE = "io.salespulse.dead-letter.v1";

    /** A record consumed from {@code topic} that could not be processed. */
    public static DeadLetter ofRecord(String service, String topic, int partition, long offset, String key,
                                      byte[] raw, Map<String, String> headers, String reason) {
        return new DeadLetter(UUID.randomUUID(), topic, topic, partition, offset, key, truncate(reason),
                text(raw), headers, Instant.now(), service);
    }

    /** Input that never reached Kafka (a webhook, an uploaded row) and could not become an event. */
    public static DeadLetter ofInput(String service, String source, String raw, String reason) {
        return new DeadLetter(UUID.randomUUID(), source, null, null, null, null, truncate(reason),
                raw == null ? "" : raw, Map.of(), Instant.now(), service);
    }

    private static String text(byte[] raw) {
        if (raw == null) {
            return "";
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException binary) {
            return Base64.getEncoder().encodeToString(raw);
        }
    }

    private static String truncate(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown" : reason;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
