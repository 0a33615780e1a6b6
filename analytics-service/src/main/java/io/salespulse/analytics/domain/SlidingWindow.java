package io.salespulse.analytics.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The last and the previous minute by event time, in a ring of one-second slots.
 *
 * <p>Slot {@code k} holds the events of the half-open second {@code (k-1, k]} (epoch seconds; an event at exactly
 * {@code k} belongs to slot {@code k}). With {@code S} = now truncated to the second, the last minute is slots
 * {@code S-59..S} = {@code (S-60, S]} and the previous minute is slots {@code S-119..S-60} =
 * {@code (S-120, S-60]}: they never overlap, an event exactly at {@code S-60} is in the previous minute and one
 * exactly at {@code S} in the last. Events in the current partial second (after S) wait in their slot until the
 * window reaches them, at most a second later.
 *
 * <p>Slots are keyed by their epoch second and reset lazily when reused for a newer second, so nothing has to
 * tick. Not thread-safe: {@link LiveWindow} guards it.
 */
public final class SlidingWindow {
    /** 120 seconds of the two minutes + up to 6 seconds of (tolerated) future, rounded up to a power of two. */
    static final int SLOTS = 128;
    static final long MAX_FUTURE_SECONDS = 5;

    private final long[] second = new long[SLOTS];
    private final long[] revenueCents = new long[SLOTS];
    private final long[] orders = new long[SLOTS];
    @SuppressWarnings("unchecked")
    private final Map<String, ProductTally>[] products = new Map[SLOTS];

    public SlidingWindow() {
        Arrays.fill(second, Long.MIN_VALUE);
    }

    /** The slot of an instant: the epoch second it ends in, {@code ceil(t)}. */
    static long slotOf(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }

    /**
     * Adds the order if it can still matter to the two minutes seen from {@code now}: not older than the previous
     * minute, not more than 5 s in the future. Returns whether it was added.
     */
    public boolean add(LiveOrder order, Instant now) {
        if (order.occurredAt().isAfter(now.plusSeconds(MAX_FUTURE_SECONDS))) {
            return false;
        }
        long end = now.getEpochSecond();
        long slot = slotOf(order.occurredAt());
        if (slot <= end - 120) {
            return false;
        }
        int index = (int) Math.floorMod(slot, (long) SLOTS);
        if (second[index] != slot) {
            if (second[index] > slot) {
                // The slot already serves a newer second (only after the clock stepped back): too old to keep.
                return false;
            }
            second[index] = slot;
            revenueCents[index] = 0;
            orders[index] = 0;
            products[index] = null;
        }
        revenueCents[index] += order.totalCents();
        orders[index] += order.type().orderCount();
        if (!order.lines().isEmpty()) {
            Map<String, ProductTally> tallies = products[index];
            if (tallies == null) {
                tallies = new HashMap<>();
                products[index] = tallies;
            }
            for (LiveOrder.Line line : order.lines()) {
                tallies.computeIfAbsent(line.productId(), id -> new ProductTally()).add(line);
            }
        }
        return true;
    }

    /** Sums of the last and the previous minute as seen at {@code now}. */
    public Minutes minutes(Instant now) {
        long end = now.getEpochSecond();
        long lastRevenue = 0;
        long lastOrders = 0;
        long previousRevenue = 0;
        long previousOrders = 0;
        for (long slot = end - 119; slot <= end; slot++) {
            int index = (int) Math.floorMod(slot, (long) SLOTS);
            if (second[index] != slot) {
                continue;
            }
            if (slot > end - 60) {
                lastRevenue += revenueCents[index];
                lastOrders += orders[index];
            } else {
                previousRevenue += revenueCents[index];
                previousOrders += orders[index];
            }
        }
        return new Minutes(Instant.ofEpochSecond(end), lastRevenue, lastOrders, previousRevenue, previousOrders);
    }

    /** Per product sums of the last minute, unsorted. */
    public Collection<ProductFigure> lastMinuteProducts(Instant now) {
        long end = now.getEpochSecond();
        Map<String, ProductTally> merged = new HashMap<>();
        for (long slot = end - 59; slot <= end; slot++) {
            int index = (int) Math.floorMod(slot, (long) SLOTS);
            if (second[index] != slot || products[index] == null) {
                continue;
            }
            products[index].forEach((id, tally) -> merged.computeIfAbsent(id, k -> new ProductTally()).add(tally));
        }
        return merged.entrySet().stream()
                .map(e -> new ProductFigure(e.getKey(), e.getValue().name, e.getValue().units,
                        Money.ofCents(e.getValue().revenueCents)))
                .toList();
    }

    /** Revenue in cents and SALE orders of both minutes; {@code windowEnd} is the inclusive end of the last. */
    public record Minutes(Instant windowEnd, long lastRevenueCents, long lastOrders, long previousRevenueCents,
                          long previousOrders) {
    }

    private static final class ProductTally {
        String name;
        long units;
        long revenueCents;

        void add(LiveOrder.Line line) {
            if (line.name() != null) {
                name = line.name();
            }
            units += line.signedUnits();
            revenueCents += line.lineTotalCents();
        }

        void add(ProductTally other) {
            if (other.name != null) {
                name = other.name;
            }
            units += other.units;
            revenueCents += other.revenueCents;
        }
    }
}
