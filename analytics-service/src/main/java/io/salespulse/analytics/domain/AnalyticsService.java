package io.salespulse.analytics.domain;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.data.AwaitingRateRepository;
import io.salespulse.analytics.data.CountedLineRow;
import io.salespulse.analytics.data.CountedOrderRepository;
import io.salespulse.analytics.data.RollupRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of the dashboard. Durable figures (totals, today, breakdowns, daily, trends) come from the rollups,
 * which are exact and the same on every replica; live figures (sliding minutes, last hour) come from this
 * instance's {@link LiveWindow}, rebuilt from analytics.counted_orders at start.
 */
@ApplicationScoped
public class AnalyticsService {
    /** Lines are needed for the per-second window only: 120 s of the two minutes plus a margin. */
    private static final Duration LINES_NEEDED = Duration.ofSeconds(125);

    private final CountedOrderRepository countedOrders;
    private final RollupRepository rollups;
    private final AwaitingRateRepository awaitingRate;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final LiveWindow window;
    private final AtomicLong rollupVersion = new AtomicLong();
    private volatile CachedFigures cached;
    private volatile boolean rebuilt;

    public AnalyticsService(CountedOrderRepository countedOrders, RollupRepository rollups,
                            AwaitingRateRepository awaitingRate, AnalyticsConfig config, Clock clock,
                            MeterRegistry registry) {
        this.countedOrders = countedOrders;
        this.rollups = rollups;
        this.awaitingRate = awaitingRate;
        this.config = config;
        this.clock = clock;
        this.window = newWindow();
        registry.gauge("salespulse.analytics.live.tracked.orders", window, LiveWindow::trackedOrders);
        registry.more().counter("salespulse.analytics.live.forgotten.early", List.of(), window,
                LiveWindow::forgottenEarly);
    }

    /** An empty live window configured like this instance's (the rebuild test compares one with it). */
    public LiveWindow newWindow() {
        return new LiveWindow(config.live().maxTrackedOrders(), config.live().pushDedupeGrace());
    }

    void onStart(@Observes StartupEvent event) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        rebuild(window, now);
        rebuilt = true;
        Log.infof("Live window rebuilt from the database in %d ms (%d orders tracked)",
                (System.nanoTime() - started) / 1_000_000, window.trackedOrders());
    }

    /**
     * Feeds {@code target} with every counted order that can matter to it at {@code now}: orders of the rebuild
     * horizon by event time (with their lines for the last two minutes) and, as "already pushed", older orders
     * counted within the push dedupe grace. Safe while the consumer feeds the same window: each order is taken
     * once whichever comes first.
     */
    @WithSpan("AnalyticsService.rebuild")
    public void rebuild(LiveWindow target, Instant now) {
        Map<UUID, List<CountedLineRow>> lines = new HashMap<>();
        Instant horizon = now.minus(config.live().rebuildHorizon());
        countedOrders.readForRebuild(now.minus(LINES_NEEDED), horizon, now.minus(config.live().pushDedupeGrace()),
                line -> lines.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(line),
                order -> {
                    List<LiveOrder.Line> live = lines.getOrDefault(order.orderId(), List.of()).stream()
                            .map(l -> new LiveOrder.Line(l.productId(), l.name(),
                                    (long) l.quantity() * order.type().sign(), Money.toCents(l.lineTotal())))
                            .toList();
                    target.apply(new LiveOrder(order.orderId(), order.type(), order.occurredAt(),
                            Money.toCents(order.total()), live), now);
                },
                (orderId, countedAt) -> target.rememberPushed(orderId, countedAt, now));
    }

    public boolean rebuilt() {
        return rebuilt;
    }

    public LiveWindow window() {
        return window;
    }

    /** Takes committed orders into the live window; returns those new to this instance, in the given order. */
    public List<RecordedOrder> applyLive(List<RecordedOrder> orders, Instant now) {
        List<RecordedOrder> fresh = new ArrayList<>(orders.size());
        for (RecordedOrder order : orders) {
            if (window.apply(order.toLive(), now)) {
                fresh.add(order);
            }
        }
        return fresh;
    }

    /** The rollups may have changed (this or another replica committed): the next snapshot reads them again. */
    public void rollupsChanged() {
        rollupVersion.incrementAndGet();
    }

    /** Grows whenever a figure may have changed; the WebSocket ticker rebuilds snapshots only then. */
    public long changeVersion() {
        return rollupVersion.get() + window.version();
    }

    public AnalyticsSnapshot snapshot() {
        return snapshot(clock.instant());
    }

    @WithSpan("AnalyticsService.snapshot")
    public AnalyticsSnapshot snapshot(Instant now) {
        LocalDate today = now.atZone(config.timeZone()).toLocalDate();
        CachedFigures durable = durable(today);
        LiveFigures live = window.figures(now, config.topN());
        return SnapshotBuilder.build(now, config.timeZone(), config.currency(), durable.figures(), durable.awaiting(),
                live);
    }

    public TrendSeries trends(Granularity granularity, int periods, TrendScope scope) {
        LocalDate today = clock.instant().atZone(config.timeZone()).toLocalDate();
        List<DailyTotal> days = rollups.dailyTotals(scope, Trends.firstDay(granularity, periods, today), today);
        return new TrendSeries(granularity.name().toLowerCase(java.util.Locale.ROOT), config.timeZone().getId(),
                scope.channel(), scope.source(), Trends.group(granularity, periods, today, days));
    }

    /**
     * Rollup figures and the orders waiting for an exchange rate, read again when they changed, the business day
     * changed, or they are older than analytics.live.durable-max-age (a safety net: every replica sees every order and
     * marks the change itself).
     */
    private CachedFigures durable(LocalDate today) {
        long version = rollupVersion.get();
        long nowNanos = System.nanoTime();
        CachedFigures c = cached;
        if (c != null && c.version == version && c.today.equals(today)
                && nowNanos - c.loadedAtNanos < config.live().durableMaxAge().toNanos()) {
            return c;
        }
        DurableFigures figures = rollups.durableFigures(today, SnapshotBuilder.firstDailyDay(today), config.topN());
        c = new CachedFigures(version, today, nowNanos, figures, awaitingRate.summary());
        cached = c;
        return c;
    }

    private record CachedFigures(long version, LocalDate today, long loadedAtNanos, DurableFigures figures,
                                 List<AwaitingRate> awaiting) {
    }
}
