package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendsTest {

    @Test
    void isoWeeksStartOnMondayAndCrossTheYearBoundary() {
        LocalDate today = LocalDate.parse("2025-01-02"); // a Thursday in ISO week 2025-W01
        List<DailyTotal> days = List.of(
                new DailyTotal(LocalDate.parse("2024-12-29"), new BigDecimal("5.00"), 1, 1), // Sunday of 2024-W52
                new DailyTotal(LocalDate.parse("2024-12-30"), new BigDecimal("7.00"), 2, 3), // Monday of 2025-W01
                new DailyTotal(LocalDate.parse("2025-01-02"), new BigDecimal("1.50"), 1, 1));

        List<TrendPoint> weeks = Trends.group(Granularity.WEEK, 3, today, days);

        assertThat(weeks).extracting(TrendPoint::period).containsExactly("2024-W51", "2024-W52", "2025-W01");
        assertThat(weeks.get(2).start()).isEqualTo(LocalDate.parse("2024-12-30"));
        assertThat(weeks.get(2).end()).isEqualTo(LocalDate.parse("2025-01-05"));
        assertThat(weeks.get(2).revenue()).isEqualByComparingTo("8.50");
        assertThat(weeks.get(2).orders()).isEqualTo(3);
        assertThat(weeks.get(1).revenue()).isEqualByComparingTo("5.00");
        assertThat(weeks.get(0).revenue()).isEqualByComparingTo("0.00");
    }

    @Test
    void calendarMonthsAndDaysIncludeEmptyPeriods() {
        LocalDate today = LocalDate.parse("2025-03-15");
        List<DailyTotal> days = List.of(
                new DailyTotal(LocalDate.parse("2025-01-31"), new BigDecimal("10.00"), 1, 1),
                new DailyTotal(LocalDate.parse("2025-03-01"), new BigDecimal("2.00"), 1, 1));

        assertThat(Trends.group(Granularity.MONTH, 3, today, days))
                .extracting(TrendPoint::period, p -> p.revenue().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-01", "10.00"),
                        org.assertj.core.groups.Tuple.tuple("2025-02", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("2025-03", "2.00"));
        assertThat(Trends.group(Granularity.DAY, 2, today, days))
                .extracting(TrendPoint::period).containsExactly("2025-03-14", "2025-03-15");
        assertThat(Trends.firstDay(Granularity.MONTH, 3, today)).isEqualTo(LocalDate.parse("2025-01-01"));
    }
}
