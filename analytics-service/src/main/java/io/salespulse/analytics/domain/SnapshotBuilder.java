package io.salespulse.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts the durable figures (rollups) and the live figures (memory) seen at one instant into one document. */
public final class SnapshotBuilder {
    public static final int DAILY_DAYS = 30;

    private SnapshotBuilder() {
    }

    /** First business day of the {@code daily} series ending {@code today}. */
    public static LocalDate firstDailyDay(LocalDate today) {
        return today.minusDays(DAILY_DAYS - 1L);
    }

    public static AnalyticsSnapshot build(Instant now, ZoneId zone, String currency, DurableFigures durable,
                                          List<AwaitingRate> awaitingExchangeRate, LiveFigures live) {
        SlidingWindow.Minutes m = live.minutes();
        LastMinute lastMinute = new LastMinute(m.windowEnd(),
                Money.ofCents(m.lastRevenueCents()), m.lastOrders(),
                Money.ofCents(m.previousRevenueCents()), m.previousOrders(),
                Money.ofCents(m.lastRevenueCents() - m.previousRevenueCents()),
                Money.changePct(m.lastRevenueCents(), m.previousRevenueCents()));
        return new AnalyticsSnapshot(now, zone.getId(), currency,
                durable.totalRevenue(), durable.totalOrders(), durable.totalUnits(),
                durable.todayFigures(), lastMinute,
                durable.topProducts(), durable.topProductsByUnits(), live.topProductsLastMinute(),
                live.topProductsLastMinuteByUnits(), durable.topProductsAllTime(), durable.topProductsAllTimeByUnits(),
                durable.byChannel(), durable.bySource(), durable.byCategory(), durable.byLocation(), durable.byRegion(),
                live.lastHour(), dailySeries(durable.today(), durable.daily()), List.copyOf(awaitingExchangeRate));
    }

    static List<DayPoint> dailySeries(LocalDate today, List<DailyTotal> rows) {
        Map<LocalDate, DailyTotal> byDay = new HashMap<>();
        rows.forEach(r -> byDay.put(r.day(), r));
        List<DayPoint> points = new ArrayList<>(DAILY_DAYS);
        for (LocalDate day = firstDailyDay(today); !day.isAfter(today); day = day.plusDays(1)) {
            DailyTotal row = byDay.get(day);
            points.add(row == null ? new DayPoint(day, Money.ZERO, 0)
                    : new DayPoint(day, Money.scaled(row.revenue()), row.orders()));
        }
        return points;
    }
}
