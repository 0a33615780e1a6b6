package io.salespulse.inventory.domain;

import java.util.Comparator;

/**
 * One stock level: a product at a location. Ordered, because every writer locks levels in this order, which is what
 * keeps concurrent consumers and adjustments from deadlocking each other.
 */
public record LevelKey(String productId, String locationId) implements Comparable<LevelKey> {
    private static final Comparator<LevelKey> ORDER =
            Comparator.comparing(LevelKey::productId).thenComparing(LevelKey::locationId);

    /** The Kafka key of inventory.levels.v1. */
    public String messageKey() {
        return productId + "@" + locationId;
    }

    @Override
    public int compareTo(LevelKey other) {
        return ORDER.compare(this, other);
    }
}
