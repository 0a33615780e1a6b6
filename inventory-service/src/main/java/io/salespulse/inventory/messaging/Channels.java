package io.salespulse.inventory.messaging;

/** Reactive Messaging channels of inventory-service (configured in application.properties). */
public final class Channels {
    /** sales.events.v1, consumer group inventory-service, poll batches. */
    public static final String SALES_IN = "sales-in";
    /** devices.observations.v1, consumer group inventory-service-observations, one record at a time. */
    public static final String OBSERVATIONS_IN = "observations-in";
    /** Every topic this service publishes; each record names its topic (outbox.topic). */
    public static final String OUTBOX_OUT = "outbox-out";

    private Channels() {
    }
}
