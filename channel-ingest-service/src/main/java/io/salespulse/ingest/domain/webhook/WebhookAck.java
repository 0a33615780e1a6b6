package io.salespulse.ingest.domain.webhook;

import java.util.UUID;

/** The answer to an authentic delivery: always a 200, so the platform does not redeliver. */
public record WebhookAck(Status status, UUID deliveryId) {

    public enum Status {
        /** Recorded; it is processed asynchronously. */
        ACCEPTED,
        /** Received before (same delivery id): nothing new. */
        DUPLICATE,
        /** A topic this service does not use: not stored. */
        IGNORED,
        /** WooCommerce's unsigned test delivery when a webhook is saved. */
        PING
    }
}
