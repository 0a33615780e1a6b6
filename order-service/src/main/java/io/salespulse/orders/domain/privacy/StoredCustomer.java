package io.salespulse.orders.domain.privacy;

import java.time.Instant;

/** A row of the customer store, still sealed. */
public record StoredCustomer(String customerRef, CustomerVault.Sealed sealed, Instant firstSeenAt, Instant updatedAt) {
}
