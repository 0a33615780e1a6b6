package io.salespulse.ingest.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.ingest.domain.webhook.CustomerData;
import io.salespulse.ingest.domain.webhook.CustomerDataSink;
import io.salespulse.ingest.domain.webhook.CustomerStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Hands a webhook's personal data to order-service's encrypted customer store, synchronously, before the delivery
 * is recorded: if the store cannot take it, the webhook is answered 503 and the platform redelivers it, so neither
 * the sale nor the customer data is lost and nothing personal waits in this service. Data without a pseudonym
 * (no pseudonym key configured, or a guest without e-mail) cannot be linked to an order and is dropped, counted.
 */
@ApplicationScoped
public class OrderServiceCustomerDataSink implements CustomerDataSink {
    private final CustomerStoreClient store;
    private final MeterRegistry registry;

    public OrderServiceCustomerDataSink(@RestClient CustomerStoreClient store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void accept(CustomerData customer) {
        if (customer == null || customer.isEmpty()) {
            return;
        }
        String channel = customer.source() == null ? "unknown" : customer.source().split(":", 2)[0];
        if (customer.customerRef() == null) {
            registry.counter("salespulse.ingest.customer_data", "channel", channel, "outcome", "unlinkable").increment();
            return;
        }
        try {
            store.store(customer.customerRef(), CustomerStoreRequest.of(customer));
            registry.counter("salespulse.ingest.customer_data", "channel", channel, "outcome", "stored").increment();
        } catch (RuntimeException e) {
            // The exception text names URLs and statuses, never the body.
            registry.counter("salespulse.ingest.customer_data", "channel", channel, "outcome", "failed").increment();
            Log.warnf("Customer store did not take the data of %s: %s", customer.customerRef(), e.getMessage());
            throw new CustomerStoreUnavailableException(e);
        }
    }
}
