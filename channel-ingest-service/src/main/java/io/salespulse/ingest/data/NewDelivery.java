package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.webhook.WebhookChannel;

/** A verified delivery to record: its redacted body (null when not JSON) and the pseudonym made at receipt. */
public record NewDelivery(WebhookChannel channel, String source, String topic, String deliveryId, String verification,
                          String redactedBody, String bodySha256, String customerRef) {
}
