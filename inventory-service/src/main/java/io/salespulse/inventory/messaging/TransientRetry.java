package io.salespulse.inventory.messaging;

import io.quarkus.logging.Log;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.DataAccessException;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Retries work that failed for a transient database reason (lost connection, deadlock, lock timeout) with doubling
 * backoff, holding the consumer's partition: stock cannot be applied without the database, and skipping would lose
 * it. Anything else, or a stopping service, fails at once.
 */
final class TransientRetry {
    private final InventoryConfig.Retry retry;
    private final BooleanSupplier stopping;
    private final String what;

    TransientRetry(InventoryConfig.Retry retry, BooleanSupplier stopping, String what) {
        this.retry = retry;
        this.stopping = stopping;
        this.what = what;
    }

    /** Runs {@code work} until it succeeds or fails for a reason that is not transient (or the service stops). */
    <T> T run(Supplier<T> work) {
        Duration backoff = retry.initialBackoff();
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean() || !isTransient(e)) {
                    throw e;
                }
                Log.warnf("Transient database error (%s); retrying the %s in %d ms", e.getMessage(), what,
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(retry.maxBackoff()) > 0) {
                    backoff = retry.maxBackoff();
                }
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException dae) {
                return dae.isTransient();
            }
        }
        return false;
    }
}
