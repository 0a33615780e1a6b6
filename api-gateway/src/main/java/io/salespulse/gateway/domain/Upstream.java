package io.salespulse.gateway.domain;

/** Where a route leads: one of the platform's services, or the gateway itself. */
public enum Upstream {
    INGEST,
    ORDERS,
    INVENTORY,
    ANALYTICS,
    RECOMMENDATIONS,
    DEVICES,
    /** Answered by the gateway itself (whoami, WebSocket tickets), never proxied. */
    GATEWAY
}
