package io.salespulse.ingest.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Business metrics of order intake: {@code salespulse_ingest_latency_seconds} (request until Kafka ack, histogram and
 * percentiles, by channel), {@code salespulse_ingest_accepted_total} (by channel),
 * {@code salespulse_ingest_replayed_total} (idempotent retries answered from the store, by channel) and
 * {@code salespulse_ingest_rejected_total} (by reason).
 */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;
    private final Map<Channel, Timer> latency = new ConcurrentHashMap<>();
    private final Map<Channel, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<Channel, Counter> replayed = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A new event was acknowledged by Kafka {@code nanos} after its request arrived. */
    public void accepted(Channel channel, long nanos) {
        latency.computeIfAbsent(channel, this::latencyTimer).record(nanos, TimeUnit.NANOSECONDS);
        accepted.computeIfAbsent(channel, c -> registry.counter("salespulse.ingest.accepted", "channel", c.name()))
                .increment();
    }

    public void replayed(Channel channel) {
        replayed.computeIfAbsent(channel, c -> registry.counter("salespulse.ingest.replayed", "channel", c.name()))
                .increment();
    }

    /** A request was refused; {@code reason} is a short stable word (invalid, malformed, unavailable...). */
    public void rejected(String reason) {
        registry.counter("salespulse.ingest.rejected", "reason", reason).increment();
    }

    private Timer latencyTimer(Channel channel) {
        return Timer.builder("salespulse.ingest.latency")
                .description("Order request received until Kafka acknowledged its sale event")
                .tag("channel", channel.name())
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }
}
