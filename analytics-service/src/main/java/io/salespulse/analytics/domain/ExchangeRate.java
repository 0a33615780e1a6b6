package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One unit of {@code currency} is worth {@code rate} in the reporting currency from {@code validFrom} on. */
public record ExchangeRate(String currency, LocalDate validFrom, BigDecimal rate, String setBy, Instant setAt) {
}
