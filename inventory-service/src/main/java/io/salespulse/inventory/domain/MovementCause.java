package io.salespulse.inventory.domain;

/** Why a stock level changed (stock_movements.cause). */
public enum MovementCause {
    SALE, RETURN, RECEIPT, COUNT, DAMAGE, TRANSFER_OUT, TRANSFER_IN
}
