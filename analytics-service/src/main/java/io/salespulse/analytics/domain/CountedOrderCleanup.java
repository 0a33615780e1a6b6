package io.salespulse.analytics.domain;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.data.CountedOrderRepository;
import io.salespulse.support.data.Chunks;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Forgets counted orders (and their lines) older than analytics.counted-orders.retention, so the tables do not grow
 * for ever; the rollups keep the figures. Every replica runs it, in chunks, so no run holds many row locks.
 */
@ApplicationScoped
public class CountedOrderCleanup {
    private final CountedOrderRepository countedOrders;
    private final Duration retention;

    public CountedOrderCleanup(CountedOrderRepository countedOrders, AnalyticsConfig config) {
        this.countedOrders = countedOrders;
        this.retention = config.countedOrders().retention();
    }

    @Scheduled(every = "${analytics.counted-orders.cleanup-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            Log.warnf("Counted-order cleanup failed, the next run retries: %s", e.getMessage());
        }
    }

    /** Deletes every counted order past the retention; returns how many. */
    public long purge() {
        long total = Chunks.untilFewerThan(Chunks.DELETE_CHUNK,
                chunk -> countedOrders.deleteCountedBefore(retention, chunk));
        if (total > 0) {
            Log.infof("Forgot %d counted orders older than %s (the rollups keep their figures)", total, retention);
        }
        return total;
    }
}
