package io.salespulse.ingest.domain;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyRepository;
import io.salespulse.ingest.data.WebhookDeliveryRepository;
import io.salespulse.support.data.Chunks;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Forgets idempotency keys older than ingest.idempotency.retention and settled webhook deliveries older than
 * ingest.webhooks.retention (dead-lettered ones stay: their dead letter may still be replayed). Every instance runs
 * it; the deletes are idempotent and chunked so no run holds many row locks at once.
 */
@ApplicationScoped
public class IdempotencyCleanup {
    private final IdempotencyRepository keys;
    private final WebhookDeliveryRepository deliveries;
    private final Duration retention;
    private final Duration deliveryRetention;

    public IdempotencyCleanup(IdempotencyRepository keys, WebhookDeliveryRepository deliveries, IngestConfig config) {
        this.keys = keys;
        this.deliveries = deliveries;
        this.retention = config.idempotency().retention();
        this.deliveryRetention = config.webhooks().retention();
    }

    @Scheduled(identity = "idempotency-cleanup", every = "${ingest.idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purgeExpired();
            purgeDeliveries();
        } catch (RuntimeException e) {
            Log.warnf("Idempotency key cleanup failed, next run retries: %s", e.getMessage());
        }
    }

    /** Deletes every expired key; returns how many. */
    public long purgeExpired() {
        long total = Chunks.untilFewerThan(Chunks.DELETE_CHUNK, chunk -> keys.deleteExpired(retention, chunk));
        if (total > 0) {
            Log.infof("Deleted %d idempotency keys older than %s", total, retention);
        }
        return total;
    }

    /** Deletes every settled webhook delivery older than its retention; returns how many. */
    public long purgeDeliveries() {
        long total = Chunks.untilFewerThan(Chunks.DELETE_CHUNK,
                chunk -> deliveries.deleteExpired(deliveryRetention, chunk));
        if (total > 0) {
            Log.infof("Deleted %d webhook deliveries older than %s", total, deliveryRetention);
        }
        return total;
    }
}
