package io.salespulse.inventory;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Matches due RFID exit reads with sales (ShrinkageService.settleDue) in rounds of a few hundred lines, so that no
 * transaction grows large. Every instance runs it; an advisory lock lets one match at a time.
 */
@ApplicationScoped
public class ShrinkageSweep {
    private static final int LINES_PER_ROUND = 500;
    private static final int MAX_ROUNDS = 20;

    private final ShrinkageService shrinkage;

    public ShrinkageSweep(ShrinkageService shrinkage) {
        this.shrinkage = shrinkage;
    }

    @Scheduled(every = "${inventory.shrinkage.sweep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        int settled = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int n = shrinkage.settleDue(now, LINES_PER_ROUND);
            settled += n;
            if (n < LINES_PER_ROUND) {
                break;
            }
        }
        if (settled > 0) {
            Log.debugf("Shrinkage sweep settled %d exit read line(s)", settled);
        }
    }
}
