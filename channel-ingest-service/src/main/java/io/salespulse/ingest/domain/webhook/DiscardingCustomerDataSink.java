package io.salespulse.ingest.domain.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The placeholder {@link CustomerDataSink}: personal data is dropped, never stored, and counted in
 * {@code salespulse_ingest_customer_data_discarded_total} (by source channel) so the gap is visible on a dashboard.
 * Replace it with the real hand-over to order-service.
 */
@ApplicationScoped
public class DiscardingCustomerDataSink implements CustomerDataSink {
    private final MeterRegistry registry;

    public DiscardingCustomerDataSink(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(CustomerData customer) {
        if (customer == null || customer.isEmpty()) {
            return;
        }
        String channel = customer.source() == null ? "unknown" : customer.source().split(":", 2)[0];
        registry.counter("salespulse.ingest.customer_data.discarded", "channel", channel).increment();
    }
}
