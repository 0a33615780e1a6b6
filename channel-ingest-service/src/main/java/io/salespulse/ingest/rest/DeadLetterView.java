package io.salespulse.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salespulse.ingest.data.DeadLetterRow;
import io.salespulse.ingest.domain.deadletter.DeadLetterService;
import io.salespulse.ingest.domain.webhook.WebhookProcessor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A dead letter as the API shows it; {@code payload} and {@code headers} only when one is asked for by id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeadLetter")
public record DeadLetterView(
        UUID id,
        @Schema(description = "Where the input came from: a channel source (shopify:shop.myshopify.com) or a topic")
        String source,
        @Schema(description = "Service that gave up on it") String service,
        @Schema(description = "Topic of the rejected record; absent for webhook input") String topic,
        Integer partition,
        Long offset,
        String key,
        String reason,
        Instant failedAt,
        @Schema(enumeration = {"OPEN", "REPLAYED"}) String status,
        @Schema(description = "Whether POST .../replay can re-submit it") boolean replayable,
        @Schema(description = "For webhook input: shopify, woocommerce or marketplace") String channel,
        @Schema(description = "For webhook input: the delivery (GET /ingest/webhooks/deliveries/{id})") UUID deliveryId,
        Instant replayedAt,
        String replayedBy,
        int replayCount,
        @Schema(description = "Why the last replay failed") String lastReplayError,
        @Schema(description = "The rejected input (webhook bodies redacted: no personal data)") String payload,
        Map<String, String> headers) {

    static DeadLetterView summary(DeadLetterRow row) {
        return of(row, false);
    }

    static DeadLetterView detail(DeadLetterRow row) {
        return of(row, true);
    }

    private static DeadLetterView of(DeadLetterRow row, boolean withPayload) {
        return new DeadLetterView(row.id(), row.source(), row.service(), row.topic(), row.partition(), row.offset(),
                row.key(), row.reason(), row.failedAt(), row.status().name(), DeadLetterService.replayable(row),
                row.headers().get(WebhookProcessor.CHANNEL_HEADER), row.deliveryId(), row.replayedAt(),
                row.replayedBy(), row.replayCount(), row.lastReplayError(), withPayload ? row.payload() : null,
                withPayload ? row.headers() : null);
    }
}
