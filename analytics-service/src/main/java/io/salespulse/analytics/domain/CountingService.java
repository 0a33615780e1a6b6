package io.salespulse.analytics.domain;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.data.CountedOrderRepository;
import io.salespulse.analytics.data.RollupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Counts orders into the durable rollups exactly once across restarts and replicas: one transaction per batch
 * records the new order ids, their lines and the rollup deltas of exactly those orders.
 */
@ApplicationScoped
public class CountingService {
    private final CountedOrderRepository countedOrders;
    private final RollupRepository rollups;
    private final AnalyticsConfig config;

    public CountingService(CountedOrderRepository countedOrders, RollupRepository rollups, AnalyticsConfig config) {
        this.countedOrders = countedOrders;
        this.rollups = rollups;
        this.config = config;
    }

    /** {@code orders} must have distinct order ids and event ids (the consumer drops in-batch duplicates). */
    @Transactional
    @WithSpan("CountingService.count")
    public CountResult count(List<RecordedOrder> orders) {
        if (orders.isEmpty()) {
            return CountResult.NONE;
        }
        Set<UUID> counted = countedOrders.insertNew(orders, config.timeZone(), config.instanceId());
        List<RecordedOrder> fresh = orders.stream().filter(o -> counted.contains(o.orderId())).toList();
        if (!fresh.isEmpty()) {
            countedOrders.insertLines(fresh);
            List<RollupDelta> daily = Rollups.daily(fresh, config.timeZone());
            rollups.upsertDaily(daily);
            rollups.upsertAllTime(Rollups.allTime(daily));
        }
        Set<UUID> others = new HashSet<>();
        orders.stream().map(RecordedOrder::orderId).filter(id -> !counted.contains(id)).forEach(others::add);
        // Not inserted: counted before under this order id (normal), or its event id was counted under another
        // order id (then it must stay out of the live window too).
        Set<UUID> countedBefore = others.isEmpty() ? Set.of() : countedOrders.existing(others);
        return new CountResult(counted, countedBefore);
    }
}
