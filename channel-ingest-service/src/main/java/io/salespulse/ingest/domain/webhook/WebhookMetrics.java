package io.salespulse.ingest.domain.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code salespulse_webhooks_received_total{channel, outcome}}: every delivery by verification outcome (accepted,
 * duplicate, ignored, ping, unknown_source, missing_signature, bad_signature);
 * {@code salespulse_webhooks_processed_total{channel, status}}: what the worker made of them (processed, duplicate,
 * ignored, dead_lettered, retry).
 */
@ApplicationScoped
public class WebhookMetrics {
    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(WebhookChannel channel, String outcome) {
        registry.counter("salespulse.webhooks.received", "channel", channel.tag(), "outcome", outcome).increment();
    }

    public void processed(WebhookChannel channel, String status) {
        registry.counter("salespulse.webhooks.processed", "channel", channel.tag(), "status", status).increment();
    }
}
