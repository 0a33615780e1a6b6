package io.salespulse.orders.domain;

/** A sale, or a return (refund) of an earlier sale. */
public enum OrderType {
    SALE, RETURN
}
