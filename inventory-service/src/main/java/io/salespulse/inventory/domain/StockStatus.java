package io.salespulse.inventory.domain;

/**
 * Status of a stock level, most severe first. The same rule is the generated column stock_levels.status (V2), which
 * GET /inventory filters on.
 */
public enum StockStatus {
    /** Sold more than was on hand (a store's shelf and the books disagree): recorded, flagged, never refused. */
    OVERSOLD,
    OUT,
    CRITICAL,
    LOW,
    OK;

    public static StockStatus of(int onHand, Thresholds thresholds) {
        if (onHand < 0) {
            return OVERSOLD;
        }
        if (onHand == 0) {
            return OUT;
        }
        if (onHand <= thresholds.criticalLevel()) {
            return CRITICAL;
        }
        if (onHand <= thresholds.reorderPoint()) {
            return LOW;
        }
        return OK;
    }
}
