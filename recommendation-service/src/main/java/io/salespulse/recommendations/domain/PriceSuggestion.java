package io.salespulse.recommendations.domain;

import java.math.BigDecimal;

/** A suggested price; it changes nothing until a manager applies it. {@code changePct} has one decimal. */
public record PriceSuggestion(String productId, String locationId, BigDecimal currentPrice, BigDecimal suggestedPrice,
                              BigDecimal changePct, String reason) {
}
