package io.salespulse.orders.domain.privacy;

import java.time.Instant;

/** A platform order that brought personal data of a customer. */
public record CustomerSource(String source, String externalId, Instant receivedAt) {
}
