package io.salespulse.inventory.domain;

/** Alerts raised by inventory-service (alerts.v1 also carries analytics' SALES_MILESTONE). */
public enum AlertType {
    LOW_STOCK, CRITICAL_STOCK, OUT_OF_STOCK, STOCKOUT_PREDICTED,
    /** Units left through an RFID exit without a sale to justify them; raised by ShrinkageService, not by levels. */
    POSSIBLE_SHRINKAGE;

    /** True for the alerts the stock-level policy raises and resolves as levels change. */
    public boolean followsStockLevel() {
        return this != POSSIBLE_SHRINKAGE;
    }
}
