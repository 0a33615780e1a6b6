package io.salespulse.analytics.domain;

import java.time.Instant;

/** Orders of one currency that no exchange rate covers yet, so no figure includes them. */
public record AwaitingRate(String currency, long orders, Instant oldestOccurredAt) {
}
