package io.salespulse.orders.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.orders.domain.privacy.PersonalData;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * PUT /privacy/customers/{customerRef}: a channel hands over the personal data of one platform order's customer.
 * {@link #toString()} hides the personal fields.
 */
public record CustomerIntakeRequest(
        @NotBlank @Size(max = 200) String source,
        @NotBlank @Size(max = 200) String externalId,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Email @Size(max = 320) String email,
        @Size(max = 64) String phone,
        JsonNode shippingAddress,
        JsonNode billingAddress) {

    PersonalData personal() {
        return new PersonalData(firstName, lastName, email, phone, shippingAddress, billingAddress);
    }

    @Override
    public String toString() {
        return "CustomerIntakeRequest[source=" + source + ", externalId=" + externalId + ", personal fields hidden]";
    }
}
