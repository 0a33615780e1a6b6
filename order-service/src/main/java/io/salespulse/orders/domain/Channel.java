package io.salespulse.orders.domain;

/** Sales channels of the sale-event contract. */
public enum Channel {
    WEB, STORE, MARKETPLACE, SCANNER, RFID, API
}
