package io.salespulse.ingest.domain;

/** A sale or the return of one (contract sales.events.v1, field {@code type}). */
public enum SaleType {
    SALE, RETURN
}
