package io.salespulse.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Configuration of analytics-service (prefix {@code analytics}); see README.md for what each key changes. */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** Stable id of this replica; its Kafka consumer group is {@code analytics-<instance-id>}. */
    @WithDefault("local")
    String instanceId();

    /** Business time zone of "today", the daily rollups and trends. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * Reporting currency (ISO 4217) of every figure; orders in other currencies are converted with the exchange rate
     * of their business day, or wait for one (never summed unconverted).
     */
    @WithDefault("EUR")
    String currency();

    /** Length of every top-products list. */
    @WithDefault("10")
    int topN();

    Live live();

    Ws ws();

    Consumer consumer();

    ExchangeRates exchangeRates();

    CountedOrders countedOrders();

    interface CountedOrders {
        /**
         * How long an order stays in counted_orders after it was counted: it is what makes a redelivered order count
         * nothing, so keep it well above the retention of orders.recorded.v1 (7 days by default). The rollups keep
         * every figure whatever this is.
         */
        @WithDefault("P30D")
        Duration retention();

        @WithDefault("PT1H")
        Duration cleanupInterval();
    }

    interface ExchangeRates {
        /** How often orders kept waiting for a rate are checked against the rates (beyond setting one). */
        @WithDefault("PT1M")
        Duration recountInterval();
    }

    interface Live {
        /** How far back (event time) the live window is rebuilt from analytics.counted_orders at start. */
        @WithDefault("PT2H")
        Duration rebuildHorizon();

        /** How long an order id is remembered after it was pushed, whatever its event time (redelivery). */
        @WithDefault("PT15M")
        Duration pushDedupeGrace();

        /** Upper bound of remembered order ids; beyond it the oldest are forgotten early (logged). */
        @WithDefault("2000000")
        int maxTrackedOrders();

        /** Longest time the rollup figures of a snapshot are reused without reading the database again. */
        @WithDefault("PT5S")
        Duration durableMaxAge();
    }

    interface Ws {
        /** Coalescing period of analytics snapshots: at most one per client per period, always the latest. */
        @WithDefault("PT0.25S")
        Duration snapshotInterval();

        /** Per-client backlog of order/alert/stock messages; when full the oldest is dropped. */
        @WithDefault("1024")
        int eventBacklog();

        /** A client whose pending write has not completed for this long is closed. */
        @WithDefault("PT10S")
        Duration unwritableTimeout();

        /**
         * Only news is pushed: orders recorded, alerts raised and stock levels updated longer ago than this are
         * not (a new replica re-reading the topics from the beginning must not replay days to the dashboards).
         */
        @WithDefault("PT15M")
        Duration maxEventAge();
    }

    interface Consumer {
        /** Attempts of a batch transaction on transient database errors before the channel fails. */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; doubles per attempt, at most 5 s. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();
    }
}
