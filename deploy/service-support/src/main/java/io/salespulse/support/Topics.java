package io.salespulse.support;

/** Kafka topic names of ARCHITECTURE.md; schemas in deploy/contracts/&lt;topic&gt;/. */
public final class Topics {
    public static final String SALES_EVENTS = "sales.events.v1";
    public static final String ORDERS_RECORDED = "orders.recorded.v1";
    public static final String CATALOG_PRODUCTS = "catalog.products.v1";
    public static final String CATALOG_LOCATIONS = "catalog.locations.v1";
    public static final String INVENTORY_LEVELS = "inventory.levels.v1";
    public static final String ALERTS = "alerts.v1";
    public static final String DEVICE_OBSERVATIONS = "devices.observations.v1";
    public static final String DEAD_LETTER = "sales.deadletter.v1";

    private Topics() {
    }
}
