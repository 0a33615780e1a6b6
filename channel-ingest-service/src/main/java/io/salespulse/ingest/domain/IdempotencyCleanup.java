package io.salespulse.ingest.domain;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Forgets idempotency keys older than ingest.idempotency.retention. Every instance runs it; the deletes are idempotent
 * and chunked so no run holds many row locks at once.
 */
@ApplicationScoped
public class IdempotencyCleanup {
    private static final int CHUNK = 5_000;

    private final IdempotencyRepository keys;
    private final Duration retention;

    public IdempotencyCleanup(IdempotencyRepository keys, IngestConfig config) {
        this.keys = keys;
        this.retention = config.idempotency().retention();
    }

    @Scheduled(identity = "idempotency-cleanup", every = "${ingest.idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            Log.warnf("Idempotency key cleanup failed, next run retries: %s", e.getMessage());
        }
    }

    /** Deletes every expired key; returns how many. */
    public int purgeExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = keys.deleteExpired(retention, CHUNK);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            Log.infof("Deleted %d idempotency keys older than %s", total, retention);
        }
        return total;
    }
}
