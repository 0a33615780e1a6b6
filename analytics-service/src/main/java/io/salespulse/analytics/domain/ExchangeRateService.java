package io.salespulse.analytics.domain;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.data.AwaitingRateRepository;
import io.salespulse.analytics.data.ExchangeRateRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Orders in other currencies: converted with the rate valid on their business day, or kept waiting (out of every
 * figure, listed in the snapshot's awaitingExchangeRate) until an admin sets one. Setting a rate counts the orders
 * it covers at once; a periodic pass also counts those that were kept while a rate was being set.
 */
@ApplicationScoped
@Startup // its gauge is there from the start, not from the first foreign order
public class ExchangeRateService {
    static final int DRAIN_BATCH = 500;
    private static final Comparator<RecordedOrder> EVENT_TIME = Comparator
            .comparing(RecordedOrder::occurredAt).thenComparing(RecordedOrder::orderId);

    private final ExchangeRateRepository rates;
    private final AwaitingRateRepository awaiting;
    private final CountingService counting;
    private final AnalyticsService analytics;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final AtomicLong waitingOrders = new AtomicLong();

    public ExchangeRateService(ExchangeRateRepository rates, AwaitingRateRepository awaiting,
                               CountingService counting, AnalyticsService analytics, AnalyticsConfig config,
                               Clock clock, MeterRegistry registry) {
        Gauge.builder("salespulse.analytics.orders.waiting.for.rate", waitingOrders, AtomicLong::get)
                .description("Orders in no figure because no exchange rate covers them (as of the last periodic pass)")
                .register(registry);
        this.rates = rates;
        this.awaiting = awaiting;
        this.counting = counting;
        this.analytics = analytics;
        this.config = config;
        this.clock = clock;
    }

    /** The rates these orders may need: none (and no database read) when all are in the reporting currency. */
    public ExchangeRates ratesFor(List<RecordedOrder> orders) {
        Set<String> foreign = orders.stream().map(RecordedOrder::currency)
                .filter(c -> !c.equals(config.currency())).collect(Collectors.toSet());
        return new ExchangeRates(config.currency(), foreign.isEmpty() ? List.of() : rates.of(foreign));
    }

    /** Keeps orders no rate covers out of the figures until one does (idempotent per order id). */
    public void keepWaiting(List<RecordedOrder> orders) {
        awaiting.park(orders, config.timeZone());
        analytics.rollupsChanged();
    }

    public List<ExchangeRate> all() {
        return rates.all();
    }

    public List<AwaitingRate> waiting() {
        return awaiting.summary();
    }

    /** Sets (or replaces) the rate of {@code currency} from {@code validFrom} on and counts the orders it covers. */
    public RateSet setRate(String currency, LocalDate validFrom, BigDecimal rate, String actor) {
        ExchangeRate saved = rates.upsert(currency, validFrom, rate, actor);
        Log.infof("Exchange rate %s -> %s from %s set to %s by %s", currency, config.currency(), validFrom,
                saved.rate().toPlainString(), actor);
        try {
            return new RateSet(saved, countCovered(Set.of(currency)));
        } catch (RuntimeException e) {
            // The rate is stored; the periodic pass counts what it covers once the database answers again.
            Log.warnf("Rate stored, but counting the orders it covers failed (the next pass retries): %s",
                    e.getMessage());
            return new RateSet(saved, 0);
        }
    }

    /**
     * The periodic pass: orders kept while a rate was being set (or by another replica) are counted here. It reads
     * the rates only of currencies that have waiting orders, and nothing more when none wait.
     */
    @Scheduled(every = "${analytics.exchange-rates.recount-interval}", delayed = "${analytics.exchange-rates.recount-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void countCoveredPeriodically() {
        try {
            List<AwaitingRate> waiting = awaiting.summary();
            if (!waiting.isEmpty()) {
                int counted = countCovered(waiting.stream().map(AwaitingRate::currency).collect(Collectors.toSet()));
                if (counted > 0) {
                    Log.infof("Counted %d orders that were waiting for an exchange rate", counted);
                    waiting = awaiting.summary();
                }
            }
            waitingOrders.set(waiting.stream().mapToLong(AwaitingRate::orders).sum());
        } catch (RuntimeException e) {
            Log.warnf("Counting orders waiting for an exchange rate failed, next try in %s: %s",
                    config.exchangeRates().recountInterval(), e.getMessage());
        }
    }

    /**
     * Counts the waiting orders in {@code currencies} that a rate now covers, a batch per transaction; returns how many
     * this call counted.
     */
    int countCovered(Set<String> currencies) {
        ExchangeRates known = new ExchangeRates(config.currency(), rates.of(currencies));
        int counted = 0;
        for (Map.Entry<String, LocalDate> covered : known.firstCoveredDays().entrySet()) {
            Drained drained;
            do {
                drained = QuarkusTransaction.requiringNew()
                        .call(() -> drainOnce(known, covered.getKey(), covered.getValue()));
                counted += drained.newlyCounted();
                analytics.applyLive(drained.live(), clock.instant());
                analytics.rollupsChanged();
            } while (drained.taken() == DRAIN_BATCH);
        }
        return counted;
    }

    private Drained drainOnce(ExchangeRates known, String currency, LocalDate from) {
        List<RecordedOrder> taken = awaiting.lockCovered(currency, from, DRAIN_BATCH);
        if (taken.isEmpty()) {
            return new Drained(0, 0, List.of());
        }
        List<RecordedOrder> converted = taken.stream()
                .map(o -> known.toReporting(o, config.timeZone()).orElseThrow())
                .toList();
        CountResult result = counting.count(converted);
        awaiting.delete(taken.stream().map(RecordedOrder::orderId).toList());
        return new Drained(taken.size(), result.counted().size(), converted.stream()
                .filter(o -> result.isCounted(o.orderId())).sorted(EVENT_TIME).toList());
    }

    /** A rate as stored, and how many waiting orders it let this call count. */
    public record RateSet(ExchangeRate rate, int countedNow) {
    }

    /** {@code live}: the orders for this instance's live window (counted now, or before by another replica). */
    private record Drained(int taken, int newlyCounted, List<RecordedOrder> live) {
    }
}
