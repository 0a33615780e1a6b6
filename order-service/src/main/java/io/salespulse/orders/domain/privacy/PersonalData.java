package io.salespulse.orders.domain.privacy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A customer's personal data as a sales channel sent it: names, e-mail, phone, postal addresses (as the platform's
 * JSON). Lives only sealed in the customer store; {@link #toString()} hides every field so it cannot reach a log.
 */
public record PersonalData(String firstName, String lastName, String email, String phone, JsonNode shippingAddress,
                           JsonNode billingAddress) {

    public boolean isEmpty() {
        return firstName == null && lastName == null && email == null && phone == null && shippingAddress == null
                && billingAddress == null;
    }

    @Override
    public String toString() {
        return "PersonalData[hidden]";
    }
}
