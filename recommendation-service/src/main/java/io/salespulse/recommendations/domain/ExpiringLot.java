package io.salespulse.recommendations.domain;

/** A lot with stock close to its last day of sale (inventory-service's {@code GET /inventory/expiring}). */
public record ExpiringLot(String productId, String locationId, String lotCode, long quantityOnHand, int daysToExpiry) {
}
