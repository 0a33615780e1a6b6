package io.salespulse.inventory.domain;

/** Stock alerts raised by inventory-service (alerts.v1 also carries analytics' SALES_MILESTONE). */
public enum AlertType {
    LOW_STOCK, CRITICAL_STOCK, OUT_OF_STOCK, STOCKOUT_PREDICTED
}
