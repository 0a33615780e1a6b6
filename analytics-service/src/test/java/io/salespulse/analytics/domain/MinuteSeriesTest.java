package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.salespulse.analytics.domain.LiveOrders.returned;
import static io.salespulse.analytics.domain.LiveOrders.sale;
import static org.assertj.core.api.Assertions.assertThat;

class MinuteSeriesTest {
    private static final Instant NOW = Instant.parse("2025-06-02T10:30:15Z");

    private final MinuteSeries series = new MinuteSeries();

    @Test
    void sixtyMinutesOldestFirstEndingWithTheCurrentOneEmptyMinutesIncluded() {
        var hour = series.lastHour(NOW);

        assertThat(hour).hasSize(60);
        assertThat(hour.get(0).minute()).isEqualTo(Instant.parse("2025-06-02T09:31:00Z"));
        assertThat(hour.get(59).minute()).isEqualTo(Instant.parse("2025-06-02T10:30:00Z"));
        assertThat(hour).allSatisfy(p -> {
            assertThat(p.revenue()).isEqualByComparingTo("0");
            assertThat(p.orders()).isZero();
        });
    }

    @Test
    void eachEventFallsIntoTheMinuteItStartsIn() {
        series.add(sale(Instant.parse("2025-06-02T10:30:00Z"), 100), NOW);
        series.add(sale(Instant.parse("2025-06-02T10:29:59.999Z"), 200), NOW);
        series.add(returned(Instant.parse("2025-06-02T10:29:10Z"), 50), NOW);
        series.add(sale(Instant.parse("2025-06-02T09:31:00Z"), 300), NOW);

        var hour = series.lastHour(NOW);
        assertThat(hour.get(59).revenue()).isEqualByComparingTo("1.00");
        assertThat(hour.get(58).revenue()).isEqualByComparingTo("1.50");
        assertThat(hour.get(58).orders()).isEqualTo(1);
        assertThat(hour.get(0).revenue()).isEqualByComparingTo("3.00");
    }

    @Test
    void minutesOlderThanTheHourAreNotKeptAndOldMinutesLeaveAsTimeMovesOn() {
        assertThat(series.add(sale(Instant.parse("2025-06-02T09:30:59Z"), 100), NOW)).isFalse();
        series.add(sale(Instant.parse("2025-06-02T09:31:30Z"), 100), NOW);

        var later = series.lastHour(NOW.plusSeconds(60));
        assertThat(later.get(0).minute()).isEqualTo(Instant.parse("2025-06-02T09:32:00Z"));
        assertThat(later).allSatisfy(p -> assertThat(p.orders()).isZero());
    }
}
