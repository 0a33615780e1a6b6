package io.salespulse.analytics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.data.DataAccessException;
import io.salespulse.analytics.domain.AnalyticsService;
import io.salespulse.analytics.domain.CountResult;
import io.salespulse.analytics.domain.CountingService;
import io.salespulse.analytics.domain.ExchangeRateService;
import io.salespulse.analytics.domain.ExchangeRates;
import io.salespulse.analytics.domain.LivePublisher;
import io.salespulse.analytics.domain.RecordedOrder;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Consumes orders.recorded.v1 in batches (group analytics-&lt;instance-id&gt;: every replica reads every order).
 *
 * <p>Per batch: invalid records go to the dead-letter topic; orders in another currency are converted into the
 * reporting one, or kept waiting for an exchange rate ({@link ExchangeRateService}); the rest are counted in ONE
 * database transaction ({@link CountingService}); after its commit they enter this instance's live window, and the ones
 * new to this instance are pushed to WebSocket clients. The method returns only then, and SmallRye commits the
 * offsets only after it returns: a crash anywhere re-delivers the batch, and the order-id bookkeeping makes the
 * second pass count nothing twice.
 *
 * <p>Failures: transient database errors are retried with backoff, then fail the channel (readiness goes DOWN,
 * offsets stay where they were, nothing is lost). A batch failing on its data is split and retried order by
 * order, so one poison record goes to the dead-letter topic and the partition moves on.
 */
@ApplicationScoped
public class OrderRecordedConsumer {
    private static final Comparator<RecordedOrder> EVENT_TIME = Comparator
            .comparing(RecordedOrder::occurredAt).thenComparing(RecordedOrder::orderId);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OrderRecordedParser parser;
    private final CountingService counting;
    private final ExchangeRateService exchangeRates;
    private final AnalyticsService analytics;
    private final LivePublisher live;
    private final DeadLetterProducer deadLetters;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final Counter countedOrders;
    private final Counter duplicateOrders;
    private final Counter awaitingRate;

    public OrderRecordedConsumer(CountingService counting, ExchangeRateService exchangeRates,
                                 AnalyticsService analytics, LivePublisher live, DeadLetterProducer deadLetters,
                                 AnalyticsConfig config, Clock clock, MeterRegistry registry) {
        this.parser = new OrderRecordedParser();
        this.counting = counting;
        this.exchangeRates = exchangeRates;
        this.analytics = analytics;
        this.live = live;
        this.deadLetters = deadLetters;
        this.config = config;
        this.clock = clock;
        this.countedOrders = Counter.builder("salespulse.analytics.orders.counted")
                .description("Orders this instance added to the rollups (exactly once across replicas)")
                .register(registry);
        this.duplicateOrders = Counter.builder("salespulse.analytics.orders.duplicates")
                .description("Orders received again: redeliveries, or counted by another replica first")
                .register(registry);
        this.awaitingRate = Counter.builder("salespulse.analytics.orders.awaiting.rate")
                .description("Orders kept out of the figures until an exchange rate covers their currency and day")
                .register(registry);
    }

    @Incoming("orders-recorded")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<Parsed> batch = new ArrayList<>(records.count());
        Set<UUID> orderIds = new HashSet<>();
        Set<UUID> eventIds = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            RecordedOrder order;
            try {
                order = parser.parse(record.value());
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid orders.recorded.v1 event: " + e.getMessage());
                continue;
            }
            if (!orderIds.add(order.orderId()) || !eventIds.add(order.eventId())) {
                duplicateOrders.increment();
                continue;
            }
            batch.add(new Parsed(record, order));
        }
        batch = inReportingCurrency(batch);
        if (batch.isEmpty()) {
            return;
        }
        CountResult result = countResiliently(batch);
        countedOrders.increment(result.counted().size());
        duplicateOrders.increment(result.countedBefore().size());

        List<RecordedOrder> committed = batch.stream()
                .map(Parsed::order)
                .filter(o -> result.isCounted(o.orderId()))
                .sorted(EVENT_TIME)
                .toList();
        Instant now = clock.instant();
        List<RecordedOrder> newHere = analytics.applyLive(committed, now);
        analytics.rollupsChanged();
        Instant staleBefore = now.minus(config.ws().maxEventAge());
        live.ordersRecorded(newHere.stream().filter(o -> o.recordedAt().isAfter(staleBefore)).toList());
    }

    /** The batch in the reporting currency; orders no exchange rate covers yet are kept waiting for one. */
    private List<Parsed> inReportingCurrency(List<Parsed> batch) {
        ExchangeRates rates = withRetries(() -> exchangeRates.ratesFor(batch.stream().map(Parsed::order).toList()));
        List<Parsed> countable = new ArrayList<>(batch.size());
        List<Parsed> waiting = new ArrayList<>();
        for (Parsed parsed : batch) {
            rates.toReporting(parsed.order(), config.timeZone()).ifPresentOrElse(
                    converted -> countable.add(new Parsed(parsed.record(), converted)),
                    () -> waiting.add(parsed));
        }
        if (!waiting.isEmpty()) {
            try {
                withRetries(() -> {
                    exchangeRates.keepWaiting(waiting.stream().map(Parsed::order).toList());
                    return waiting.size();
                });
                awaitingRate.increment(waiting.size());
            } catch (PoisonException e) {
                waiting.forEach(p -> deadLetters.send(p.record(), "could not be kept for an exchange rate: "
                        + e.getMessage()));
            }
        }
        return countable;
    }

    private CountResult countResiliently(List<Parsed> batch) {
        try {
            return withRetries(() -> counting.count(batch.stream().map(Parsed::order).toList()));
        } catch (PoisonException batchFailure) {
            if (batch.size() > 1) {
                Log.warnf("A batch of %d orders failed on its data (%s); counting them one by one", batch.size(),
                        batchFailure.getMessage());
            }
            CountResult total = CountResult.NONE;
            for (Parsed one : batch) {
                try {
                    total = total.plus(withRetries(() -> counting.count(List.of(one.order()))));
                } catch (PoisonException e) {
                    deadLetters.send(one.record(), "could not be counted: " + e.getMessage());
                }
            }
            return total;
        }
    }

    private <T> T withRetries(Supplier<T> action) {
        long backoffMillis = config.consumer().initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw new PoisonException(e);
                }
                if (attempt >= config.consumer().maxAttempts()) {
                    Log.errorf(e, "Counting failed %d times; failing the channel (offsets stay uncommitted)", attempt);
                    throw e;
                }
                Log.warnf("Counting failed (attempt %d of %d), retrying in %d ms: %s", attempt,
                        config.consumer().maxAttempts(), backoffMillis, e.getMessage());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /**
     * Retrying helps when the database or the pool is the problem (connection, timeout, serialization, deadlock,
     * commit failure); it cannot when the data is wrong (SQLSTATE 22xxx/23xxx) or our code rejects it.
     */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException dae) {
                return !dae.isDataError();
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23"));
            }
            if (t.getClass().getName().startsWith("jakarta.transaction.")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, RecordedOrder order) {
    }

    private static final class PoisonException extends RuntimeException {
        PoisonException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
