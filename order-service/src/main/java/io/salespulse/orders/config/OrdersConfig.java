package io.salespulse.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of order-service's consumers ({@code orders.*} in application.properties). */
@ConfigMapping(prefix = "orders")
public interface OrdersConfig {

    /** Backoff of a batch that failed for a transient reason (database or broker unavailable). */
    Retry retry();

    /** How long a batch waits for the broker to acknowledge what it publishes before it is retried. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** Holding sale events back until the catalog has been read. */
    CatalogGate catalogGate();

    interface Retry {
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface CatalogGate {
        @WithDefault("true")
        boolean enabled();

        /** After this, sale events flow even if the catalog is not caught up (a stuck catalog must not stop sales). */
        @WithDefault("2m")
        Duration maxWait();

        @WithDefault("500ms")
        Duration pollInterval();
    }
}
