package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotBuilderTest {
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2025-06-02");

    @Test
    void revenueChangePctIsNullOnlyWhenThePreviousMinuteHadNoRevenue() {
        assertThat(Money.changePct(1000, 0)).isNull();
        assertThat(Money.changePct(0, 1000)).isEqualByComparingTo("-100.0");
        assertThat(Money.changePct(0, 0)).isNull();
        assertThat(Money.changePct(1000, 1000)).isEqualByComparingTo("0.0");
    }

    @Test
    void revenueChangePctHasOneDecimalRoundedHalfUp() {
        assertThat(Money.changePct(1001, 800).toPlainString()).isEqualTo("25.1"); // 25.125
        assertThat(Money.changePct(2, 3).toPlainString()).isEqualTo("-33.3");   // -33.33
        assertThat(Money.changePct(1, 3).toPlainString()).isEqualTo("-66.7");   // -66.67
        assertThat(Money.changePct(3, 8).toPlainString()).isEqualTo("-62.5");   // -62.5
        assertThat(Money.changePct(9, 8).toPlainString()).isEqualTo("12.5");    // 12.5
        assertThat(Money.changePct(409, 400).toPlainString()).isEqualTo("2.3");  // 2.25, HALF_EVEN would say 2.2
        assertThat(Money.changePct(391, 400).toPlainString()).isEqualTo("-2.3"); // -2.25
    }

    @Test
    void aNetNegativePreviousMinuteStillShowsTheDirectionOfTheChange() {
        assertThat(Money.changePct(500, -1000)).isEqualByComparingTo("150.0");
    }

    @Test
    void theSnapshotPutsLiveAndDurableFiguresTogether() {
        var durable = new DurableFigures(TODAY, new BigDecimal("100.00"), 5, 9,
                new DayFigures(TODAY, new BigDecimal("40.00"), 2, 3), List.of(), List.of(), List.of(), List.of(),
                List.of(new Breakdown("WEB", new BigDecimal("40.00"), 2, 3)),
                List.of(new SourceBreakdown("WEB", "api:pos-7", new BigDecimal("40.00"), 2, 3)),
                List.of(), List.of(), List.of(),
                List.of(new DailyTotal(TODAY.minusDays(1), new BigDecimal("60.00"), 3, 6),
                        new DailyTotal(TODAY, new BigDecimal("40.00"), 2, 3)));
        var live = new LiveFigures(new SlidingWindow.Minutes(NOW, 1250, 2, 1000, 1), List.of(), List.of(), List.of());

        AnalyticsSnapshot s = SnapshotBuilder.build(NOW, ZoneOffset.UTC, "EUR", durable,
                List.of(new AwaitingRate("USD", 2, NOW.minusSeconds(90))), live);

        assertThat(s.lastMinute().revenue().toPlainString()).isEqualTo("12.50");
        assertThat(s.lastMinute().previousRevenue().toPlainString()).isEqualTo("10.00");
        assertThat(s.lastMinute().revenueChange().toPlainString()).isEqualTo("2.50");
        assertThat(s.lastMinute().revenueChangePct().toPlainString()).isEqualTo("25.0");
        assertThat(s.daily()).hasSize(30);
        assertThat(s.daily().get(0).date()).isEqualTo(TODAY.minusDays(29));
        assertThat(s.daily().get(28).revenue().toPlainString()).isEqualTo("60.00");
        assertThat(s.daily().get(29).orders()).isEqualTo(2);
        assertThat(s.daily().get(10).revenue().toPlainString()).isEqualTo("0.00");
        assertThat(s.totalRevenue()).isEqualByComparingTo("100.00");
        assertThat(s.awaitingExchangeRate()).extracting(AwaitingRate::currency, AwaitingRate::orders)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("USD", 2L));
        assertThat(s.bySource()).extracting(SourceBreakdown::channel, SourceBreakdown::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WEB", "api:pos-7"));
    }
}
