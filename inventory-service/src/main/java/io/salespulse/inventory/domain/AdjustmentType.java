package io.salespulse.inventory.domain;

/** Manual stock changes a manager records (POST /inventory/adjustments). */
public enum AdjustmentType {
    /** A stock count: the quantity is what is on the shelf; the movement is the difference to the books. */
    COUNT,
    /** Damaged or lost goods leave the stock. */
    DAMAGE,
    /** Goods move to another location: two movements in one transaction. */
    TRANSFER,
    /** Goods arrive (delivery, restock). */
    RECEIPT
}
