package io.salespulse.analytics.domain;

import java.math.BigDecimal;

/** What a converted order was before: its own currency and total, and the rate it was counted at. */
public record Conversion(String originalCurrency, BigDecimal originalTotal, BigDecimal rate) {
}
