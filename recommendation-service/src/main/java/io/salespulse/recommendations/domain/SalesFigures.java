package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Sales from analytics-service (all locations): units per product today and in the last minute, and the order
 * counts and revenue of today, the last hour and the last minute. A window analytics did not send is {@code null}.
 */
public record SalesFigures(Map<String, Long> unitsToday, Map<String, Long> unitsLastMinute, Window today,
                           Window lastHour, Window lastMinute) {

    /** How far the last hour's pace may stretch today's average: one odd hour must not make a fast mover. */
    static final double MIN_PACE = 0.5;
    static final double MAX_PACE = 2.0;

    public static final SalesFigures NONE = new SalesFigures(Map.of(), Map.of(), null, null, null);

    public record Window(long orders, BigDecimal revenue) {
    }

    public SalesFigures {
        unitsToday = Map.copyOf(unitsToday);
        unitsLastMinute = Map.copyOf(unitsLastMinute);
    }

    public static SalesFigures todayOnly(Map<String, Long> unitsToday) {
        return new SalesFigures(unitsToday, Map.of(), null, null, null);
    }

    /**
     * Orders of the last hour against today's average orders per hour (UTC day, at least one hour), clamped to
     * [{@value #MIN_PACE}, {@value #MAX_PACE}]; 1 when either window is unknown or today has no orders yet.
     */
    public double paceFactor(Instant now) {
        if (today == null || lastHour == null || today.orders() <= 0) {
            return 1.0;
        }
        var midnight = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        double hours = Math.max(1.0, Duration.between(midnight, now).toMinutes() / 60.0);
        double perHour = today.orders() / hours;
        return Math.min(MAX_PACE, Math.max(MIN_PACE, lastHour.orders() / perHour));
    }
}
