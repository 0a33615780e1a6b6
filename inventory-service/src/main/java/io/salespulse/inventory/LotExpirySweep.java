package io.salespulse.inventory;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Flags lots whose expiry date has passed at their location (lots.expired_at), in rounds of a few hundred so that no
 * transaction holds many lots. Every instance sweeps; flagging is idempotent and skips lots being sold from. No alert
 * is raised: alerts.v1 has no expiry alert type yet (a contract change, see README).
 */
@ApplicationScoped
public class LotExpirySweep {
    private static final int LOTS_PER_ROUND = 500;
    private static final int MAX_ROUNDS = 100;

    private final LotService lots;

    public LotExpirySweep(LotService lots) {
        this.lots = lots;
    }

    @Scheduled(every = "${inventory.lots.expiry-sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        int flagged = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<?> batch = lots.flagExpired(now, LOTS_PER_ROUND);
            flagged += batch.size();
            if (batch.size() < LOTS_PER_ROUND) {
                break;
            }
        }
        if (flagged > 0) {
            Log.infof("Lot expiry sweep flagged %d expired lot(s)", flagged);
        }
    }
}
