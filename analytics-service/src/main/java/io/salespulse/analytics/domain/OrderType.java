package io.salespulse.analytics.domain;

/** SALE adds revenue, units and one order; RETURN subtracts its (negative) total and its units, no order. */
public enum OrderType {
    SALE,
    RETURN;

    /** +1 for a sale, -1 for a return: the sign of its units. */
    public int sign() {
        return this == SALE ? 1 : -1;
    }

    /** How many orders it adds to the "orders" figures. */
    public int orderCount() {
        return this == SALE ? 1 : 0;
    }
}
