package io.salespulse.recommendations.domain;

import java.math.BigDecimal;

/** One stock level (inventory-service's {@code GET /inventory}); velocity in units per hour. */
public record StockInfo(String productId, String locationId, long available, long targetLevel,
                        BigDecimal salesVelocityPerHour) {

    /** Hours of stock at the current velocity; {@code null} when nothing sells (infinite cover). */
    public BigDecimal coverHours() {
        if (salesVelocityPerHour == null || salesVelocityPerHour.signum() <= 0) {
            return null;
        }
        return BigDecimal.valueOf(Math.max(available, 0)).divide(salesVelocityPerHour, 1, java.math.RoundingMode.HALF_UP);
    }
}
