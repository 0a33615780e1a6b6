package io.salespulse.orders.domain.privacy;

/** What the store writes for a customer: the sealed personal data and the e-mail index of that same data. */
public record SealedCustomer(CustomerVault.Sealed sealed, String emailIndex) {
}
