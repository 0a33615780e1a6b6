package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The personal data of one order's customer, as the platform sent it, for order-service's protected customer store
 * only ({@link CustomerDataSink}). It is never logged, stored or published by this service: {@link #toString()}
 * hides every personal field.
 */
public record CustomerData(String customerRef, String source, String externalId, String firstName, String lastName,
                           String email, String phone, JsonNode shippingAddress, JsonNode billingAddress) {

    public boolean isEmpty() {
        return firstName == null && lastName == null && email == null && phone == null && shippingAddress == null
                && billingAddress == null;
    }

    @Override
    public String toString() {
        return "CustomerData[customerRef=" + customerRef + ", source=" + source + ", externalId=" + externalId
                + ", personal fields hidden]";
    }
}
