package io.salespulse.ingest.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.ingest.domain.webhook.CustomerData;

/** The body of order-service's {@code PUT /privacy/customers/{customerRef}}; {@link #toString()} hides the data. */
public record CustomerStoreRequest(String source, String externalId, String firstName, String lastName, String email,
                                   String phone, JsonNode shippingAddress, JsonNode billingAddress) {

    static CustomerStoreRequest of(CustomerData customer) {
        return new CustomerStoreRequest(customer.source(), customer.externalId(), customer.firstName(),
                customer.lastName(), customer.email(), customer.phone(), customer.shippingAddress(),
                customer.billingAddress());
    }

    @Override
    public String toString() {
        return "CustomerStoreRequest[source=" + source + ", externalId=" + externalId + ", personal fields hidden]";
    }
}
