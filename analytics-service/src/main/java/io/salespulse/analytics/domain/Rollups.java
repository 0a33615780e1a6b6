package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rollup arithmetic: what newly counted orders add per business day and dimension.
 * Revenue is net of returns (a RETURN's total and line totals are negative), orders count SALE orders only (once
 * per order and key, also when several lines share a category or product), units are net units.
 */
public final class Rollups {
    public static final String TOTAL_KEY = "all";
    public static final String UNKNOWN_CATEGORY = "uncategorized";
    public static final String UNKNOWN_REGION = "unknown";

    private static final Comparator<RollupDelta> ROW_ORDER = Comparator
            .comparing(RollupDelta::day, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(d -> d.dimension().column())
            .thenComparing(RollupDelta::key);

    private Rollups() {
    }

    public static LocalDate businessDay(Instant occurredAt, ZoneId zone) {
        return occurredAt.atZone(zone).toLocalDate();
    }

    /** Deltas per (business day, dimension, key), one per row, in a stable order. */
    public static List<RollupDelta> daily(Collection<RecordedOrder> orders, ZoneId zone) {
        Map<RowKey, Tally> rows = new LinkedHashMap<>();
        for (RecordedOrder order : orders) {
            LocalDate day = businessDay(order.occurredAt(), zone);
            long units = order.signedUnits();
            int orderCount = order.type().orderCount();
            tally(rows, day, Dimension.TOTAL, TOTAL_KEY, null).add(order.total(), orderCount, units);
            tally(rows, day, Dimension.CHANNEL, order.channel(), null).add(order.total(), orderCount, units);
            tally(rows, day, Dimension.SOURCE, ChannelSource.key(order.channel(), order.source()), null)
                    .add(order.total(), orderCount, units);
            tally(rows, day, Dimension.LOCATION, order.locationId(), null).add(order.total(), orderCount, units);
            tally(rows, day, Dimension.REGION, Objects.requireNonNullElse(order.region(), UNKNOWN_REGION), null)
                    .add(order.total(), orderCount, units);
            Set<RowKey> countedHere = new HashSet<>();
            for (RecordedLine line : order.lines()) {
                long lineUnits = (long) line.quantity() * order.type().sign();
                String category = line.category() == null || line.category().isBlank()
                        ? UNKNOWN_CATEGORY : line.category();
                for (RowKey key : List.of(new RowKey(day, Dimension.CATEGORY, category),
                        new RowKey(day, Dimension.PRODUCT, line.productId()))) {
                    String label = key.dimension() == Dimension.PRODUCT ? line.name() : null;
                    int count = countedHere.add(key) ? orderCount : 0;
                    tally(rows, key.day(), key.dimension(), key.key(), label).add(line.lineTotal(), count, lineUnits);
                }
            }
        }
        return rows.entrySet().stream()
                .map(e -> e.getValue().toDelta(e.getKey()))
                .sorted(ROW_ORDER)
                .toList();
    }

    /** The same deltas summed over days: what they add to the all-time rows. */
    public static List<RollupDelta> allTime(Collection<RollupDelta> daily) {
        Map<RowKey, Tally> rows = new LinkedHashMap<>();
        for (RollupDelta d : daily) {
            tally(rows, null, d.dimension(), d.key(), d.label()).add(d.revenue(), d.orders(), d.units());
        }
        List<RollupDelta> result = new ArrayList<>(rows.size());
        rows.forEach((key, tally) -> result.add(tally.toDelta(key)));
        result.sort(ROW_ORDER);
        return result;
    }

    private static Tally tally(Map<RowKey, Tally> rows, LocalDate day, Dimension dimension, String key, String label) {
        Tally tally = rows.computeIfAbsent(new RowKey(day, dimension, key), k -> new Tally());
        if (label != null) {
            tally.label = label;
        }
        return tally;
    }

    private record RowKey(LocalDate day, Dimension dimension, String key) {
    }

    private static final class Tally {
        String label;
        BigDecimal revenue = Money.ZERO;
        long orders;
        long units;

        Tally add(BigDecimal amount, long orderCount, long unitCount) {
            revenue = revenue.add(amount);
            orders += orderCount;
            units += unitCount;
            return this;
        }

        RollupDelta toDelta(RowKey key) {
            return new RollupDelta(key.day(), key.dimension(), key.key(), label, Money.scaled(revenue), orders, units);
        }
    }
}
