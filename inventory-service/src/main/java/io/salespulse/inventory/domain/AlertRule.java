package io.salespulse.inventory.domain;

import java.time.Instant;

/** Default thresholds for one product or for a category (and its sub-categories): exactly one of the two ids. */
public record AlertRule(String productId, String categoryId, Thresholds thresholds, Instant updatedAt,
                        String updatedBy) {
}
