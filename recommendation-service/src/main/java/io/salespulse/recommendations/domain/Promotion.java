package io.salespulse.recommendations.domain;

import java.math.BigDecimal;

/** One promotion suggestion; {@code confidence} in [0, 1]. */
public record Promotion(String productId, String locationId, Action action, String reason, String expectedImpact,
                        BigDecimal confidence) {

    public enum Action { PROMOTE, DISCOUNT, BUNDLE, RESTOCK }
}
