package io.salespulse.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salespulse.ingest.domain.webhook.WebhookAck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;
import java.util.UUID;

/** The 200 answer to an authentic webhook delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookAnswer")
public record WebhookAnswer(
        @Schema(enumeration = {"accepted", "duplicate", "ignored", "ping"},
                description = "accepted: recorded, processed asynchronously; duplicate: received before; ignored: a "
                        + "topic this service does not use; ping: WooCommerce's test delivery")
        String status,
        @Schema(description = "The delivery's id here (GET /ingest/webhooks/deliveries/{id})") UUID deliveryId) {

    static WebhookAnswer of(WebhookAck ack) {
        return new WebhookAnswer(ack.status().name().toLowerCase(Locale.ROOT), ack.deliveryId());
    }
}
