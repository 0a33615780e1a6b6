package io.salespulse.inventory.domain;

import java.time.Instant;
import java.util.UUID;

/** Stock of one product at one location, with its effective thresholds and sales velocity. */
public record StockLevel(LevelKey key, int onHand, int reserved, Thresholds thresholds, boolean thresholdsExplicit,
                         SalesVelocity velocity, UUID causeEventId, Instant updatedAt) {

    public StockStatus status() {
        return StockStatus.of(onHand, thresholds);
    }

    public StockLevel withVelocity(SalesVelocity newVelocity) {
        return new StockLevel(key, onHand, reserved, thresholds, thresholdsExplicit, newVelocity, causeEventId,
                updatedAt);
    }
}
