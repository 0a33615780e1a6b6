package io.salespulse.inventory;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Resolves stock-out predictions that time has made wrong: a level that stopped selling keeps its stock while its
 * velocity decays. Every instance sweeps; the level locks make concurrent sweeps harmless.
 */
@ApplicationScoped
public class StockoutPredictionSweep {
    private static final int LEVELS_PER_ROUND = 500;

    private final AlertService alerts;

    public StockoutPredictionSweep(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(every = "${inventory.prediction-sweep-interval}", delayed = "${inventory.prediction-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int changed = alerts.sweepPredictions(Instant.now(), LEVELS_PER_ROUND);
        if (changed > 0) {
            Log.infof("Stock-out prediction sweep changed %d alert(s)", changed);
        }
    }
}
