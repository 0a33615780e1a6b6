package io.salespulse.ingest.domain;

/** Where a sale came from (contract sales.events.v1, field {@code channel}). */
public enum Channel {
    WEB, STORE, MARKETPLACE, SCANNER, RFID, API
}
