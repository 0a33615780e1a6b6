package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Groups daily totals into the last N days, ISO weeks or calendar months (empty periods included). */
public final class Trends {
    private Trends() {
    }

    /** First business day of the oldest of {@code periods} periods ending with the one containing {@code today}. */
    public static LocalDate firstDay(Granularity granularity, int periods, LocalDate today) {
        return granularity.minus(granularity.start(today), periods - 1);
    }

    public static List<TrendPoint> group(Granularity granularity, int periods, LocalDate today,
                                         List<DailyTotal> days) {
        List<TrendPoint> points = new ArrayList<>(periods);
        LocalDate start = firstDay(granularity, periods, today);
        for (int i = 0; i < periods; i++) {
            LocalDate next = granularity.next(start);
            BigDecimal revenue = Money.ZERO;
            long orders = 0;
            long units = 0;
            for (DailyTotal day : days) {
                if (!day.day().isBefore(start) && day.day().isBefore(next)) {
                    revenue = revenue.add(day.revenue());
                    orders += day.orders();
                    units += day.units();
                }
            }
            points.add(new TrendPoint(granularity.label(start), start, next.minusDays(1), Money.scaled(revenue),
                    orders, units));
            start = next;
        }
        return points;
    }
}
