package io.salespulse.orders.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.salespulse.orders.config.OrdersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a batch until it succeeds, with exponential backoff. A batch that reaches here has already had its bad
 * events taken out (they go to the dead-letter topic), so a failure means the database or the broker is
 * unavailable: waiting is the only way to not lose or skip sales, and the uncommitted offsets hold the place.
 * Only shutdown ends the loop (the batch is then redelivered to whoever owns the partition next).
 */
@ApplicationScoped
public class Retrier {
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public Retrier(OrdersConfig config) {
        this.initialBackoff = config.retry().initialBackoff();
        this.maxBackoff = config.retry().maxBackoff();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public <T> T call(String what, Callable<T> work) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                if (stopping) {
                    throw new IllegalStateException(what + " abandoned at shutdown", e);
                }
                Log.errorf(e, "%s failed (attempt %d), retrying in %d ms", what, attempt, backoff.toMillis());
                sleep(backoff);
                backoff = next(backoff);
            }
        }
    }

    /** Doubles up to the maximum, with jitter so that instances do not hammer a recovering database in step. */
    private Duration next(Duration backoff) {
        long doubled = Math.min(backoff.toMillis() * 2, maxBackoff.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, doubled / 5));
        return Duration.ofMillis(Math.min(doubled + jitter, maxBackoff.toMillis()));
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
