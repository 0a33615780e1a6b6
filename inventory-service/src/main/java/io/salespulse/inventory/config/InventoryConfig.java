package io.salespulse.inventory.config;

import io.salespulse.inventory.domain.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of inventory-service (prefix {@code inventory}); application.properties lists the defaults. */
@ConfigMapping(prefix = "inventory")
public interface InventoryConfig {

    /** Thresholds of a level whose product has no alert rule (neither its own nor one of its categories'). */
    @WithDefault("10")
    int defaultReorderPoint();

    @WithDefault("3")
    int defaultCriticalLevel();

    @WithDefault("50")
    int defaultTargetLevel();

    /** STOCKOUT_PREDICTED is raised when the sales velocity empties a level within this horizon. */
    @WithDefault("PT24H")
    Duration stockoutHorizon();

    /** A sale counts half as much in the velocity after this long. */
    @WithDefault("PT6H")
    Duration velocityHalfLife();

    /** How often open STOCKOUT_PREDICTED alerts are re-evaluated (read by StockoutPredictionSweep's schedule). */
    @WithDefault("5m")
    Duration predictionSweepInterval();

    /**
     * Where damaged returns go (POST /inventory/returns with damaged=true): a WAREHOUSE location created at start
     * when missing. Its levels raise no stock alerts: nobody reorders quarantined goods.
     */
    @WithDefault("QUARANTINE")
    String quarantineLocation();

    Alerts alerts();

    Lots lots();

    Shrinkage shrinkage();

    Outbox outbox();

    Retry retry();

    interface Alerts {
        /** An alert resolves only when the level recovers above its threshold plus this many units. */
        @WithDefault("0")
        int resolveMargin();
    }

    interface Lots {
        /** How often lots whose expiry date has passed at their location are flagged (LotExpirySweep). */
        @WithDefault("1h")
        Duration expirySweepInterval();
    }

    interface Shrinkage {
        /** A sale recorded this long before or after an exit read, same product and location, justifies it. */
        @WithDefault("15m")
        Duration matchWindow();

        /**
         * How long after an exit read it is matched: sale events and exit reads travel separately through Kafka, so
         * the sale of a unit may be consumed a little after its exit read.
         */
        @WithDefault("1m")
        Duration settleDelay();

        /** How often due exit reads are matched (read by ShrinkageSweep's schedule). */
        @WithDefault("10s")
        Duration sweepInterval();
    }

    interface Outbox {
        /** Rows sent per relay round (one transaction, one wait for the broker's acknowledgements). */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for rows when no commit woke it up (other instances, retries after errors). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long the relay waits for the broker to acknowledge a round before it tries again. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Retry {
        /** First wait before a stock batch is retried after a transient database error (doubling up to max). */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    default Thresholds defaultThresholds() {
        return new Thresholds(defaultReorderPoint(), defaultCriticalLevel(), defaultTargetLevel());
    }
}
