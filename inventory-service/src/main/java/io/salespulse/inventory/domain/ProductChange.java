package io.salespulse.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One audited product write: who, when, the price and cost before and after, and the whole product before and
 * after ({@code old*} and {@code before} are null for a CREATE).
 */
public record ProductChange(long changeId, String productId, Kind kind, String changedBy, Instant changedAt,
                            BigDecimal oldUnitPrice, BigDecimal newUnitPrice, BigDecimal oldUnitCost,
                            BigDecimal newUnitCost, Map<String, Object> before, Map<String, Object> after) {

    public enum Kind { CREATE, UPDATE }
}
