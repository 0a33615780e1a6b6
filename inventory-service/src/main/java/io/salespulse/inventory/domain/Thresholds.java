package io.salespulse.inventory.domain;

/** Levels that drive status and alerts: critical <= reorder point <= target, all >= 0. */
public record Thresholds(int reorderPoint, int criticalLevel, int targetLevel) {

    public Thresholds {
        if (criticalLevel < 0 || reorderPoint < 0 || targetLevel < 0) {
            throw new IllegalArgumentException("Thresholds cannot be negative");
        }
        if (criticalLevel > reorderPoint) {
            throw new IllegalArgumentException("criticalLevel must not exceed reorderPoint");
        }
        if (reorderPoint > targetLevel) {
            throw new IllegalArgumentException("reorderPoint must not exceed targetLevel");
        }
    }
}
