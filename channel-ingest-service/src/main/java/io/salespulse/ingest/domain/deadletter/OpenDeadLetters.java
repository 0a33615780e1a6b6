package io.salespulse.ingest.domain.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.ingest.data.DeadLetterRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauge operators alert on (deploy/prometheus/alerts.yml): how many dead letters of the whole platform wait for a
 * fix and a replay. Counted from the database every 30 s by a scheduler thread, never on the scrape itself.
 */
@ApplicationScoped
@Startup
public class OpenDeadLetters {
    private final DeadLetterRepository deadLetters;
    private final AtomicLong open = new AtomicLong();

    public OpenDeadLetters(DeadLetterRepository deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        Gauge.builder("salespulse.deadletters.open", open, AtomicLong::get)
                .description("Dead letters of the platform waiting for a fix and a replay (GET /ingest/deadletters)")
                .register(registry);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            open.set(deadLetters.countOpen());
        } catch (RuntimeException e) {
            Log.warnf("Counting open dead letters failed, the gauge keeps %d: %s", open.get(), e.getMessage());
        }
    }
}
