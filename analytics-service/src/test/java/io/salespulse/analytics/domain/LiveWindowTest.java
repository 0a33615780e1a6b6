package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.salespulse.analytics.domain.LiveOrders.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LiveWindowTest {
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final LiveWindow window = new LiveWindow(1000, Duration.ofMinutes(15));

    @Test
    void theSameOrderTwiceCountsOnce() {
        LiveOrder order = sale(NOW.minusSeconds(3), 1250);

        assertThat(window.apply(order, NOW)).isTrue();
        assertThat(window.apply(order, NOW.plusMillis(10))).isFalse();

        var figures = window.figures(NOW, 10);
        assertThat(figures.minutes().lastRevenueCents()).isEqualTo(1250);
        assertThat(figures.minutes().lastOrders()).isEqualTo(1);
        assertThat(figures.lastHour().get(58).orders()).isEqualTo(1); // 09:59:57 is in minute 09:59
    }

    @Test
    void anOrderTooOldForAnyLiveFigureIsNewButChangesNothing() {
        long before = window.version();

        assertThat(window.apply(sale(NOW.minus(Duration.ofHours(3)), 500), NOW)).isTrue();

        assertThat(window.version()).isEqualTo(before);
        assertThat(window.figures(NOW, 10).lastHour()).allSatisfy(p -> assertThat(p.orders()).isZero());
    }

    @Test
    void anOrderFarInTheFutureIsIgnoredAlsoWhenItComesAgainLater() {
        LiveOrder future = sale(NOW.plusSeconds(30), 500);

        assertThat(window.apply(future, NOW)).isTrue();
        assertThat(window.apply(future, NOW.plusSeconds(40))).isFalse();

        var figures = window.figures(NOW.plusSeconds(40), 10);
        assertThat(figures.minutes().lastOrders()).isZero();
        assertThat(figures.lastHour()).allSatisfy(p -> assertThat(p.orders()).isZero());
    }

    @Test
    void anIdIsRememberedWhileItsOrderCanStillChangeTheFigures() {
        LiveOrder order = sale(NOW.minusSeconds(1), 100);
        window.apply(order, NOW);

        assertThat(window.apply(order, NOW.plus(LiveWindow.HORIZON).minusSeconds(61))).isFalse();
        assertThat(window.trackedOrders()).isEqualTo(1);
        window.apply(sale(NOW, 1), NOW.plus(LiveWindow.HORIZON).plusSeconds(120));
        assertThat(window.trackedOrders()).isEqualTo(1);
    }

    @Test
    void anOrderRememberedAsPushedIsNotTakenAgain() {
        LiveOrder late = sale(NOW.minus(Duration.ofHours(5)), 100);
        window.rememberPushed(late.orderId(), NOW.minusSeconds(30), NOW);

        assertThat(window.apply(late, NOW)).isFalse();
    }

    @Test
    void pastItsCapacityItForgetsTheIdsClosestToExpiry() {
        LiveWindow small = new LiveWindow(2, Duration.ofMinutes(1));
        LiveOrder first = sale(NOW.minus(Duration.ofMinutes(50)), 1);
        small.apply(first, NOW);
        small.apply(sale(NOW, 1), NOW);
        small.apply(sale(NOW, 1), NOW);

        assertThat(small.trackedOrders()).isEqualTo(2);
        assertThat(small.forgottenEarly()).isEqualTo(1);
    }

    @Test
    void theTopProductsOfTheLastMinuteAreRankedByRevenue() {
        window.apply(sale(NOW.minusSeconds(5), "P-1", "Cola", 10, 1990), NOW);
        window.apply(sale(NOW.minusSeconds(4), "P-2", "Chips", 1, 2500), NOW);
        window.apply(sale(NOW.minusSeconds(3), "P-3", "Gum", 1, 99), NOW);

        assertThat(window.figures(NOW, 2).topProductsLastMinute())
                .extracting(ProductFigure::productId).containsExactly("P-2", "P-1");
    }

    @Test
    void theTopProductsOfTheLastMinuteByUnitsAreRankedByUnits() {
        window.apply(sale(NOW.minusSeconds(5), "P-1", "Cola", 10, 1990), NOW);
        window.apply(sale(NOW.minusSeconds(4), "P-2", "Chips", 1, 2500), NOW);
        window.apply(sale(NOW.minusSeconds(3), "P-3", "Gum", 3, 99), NOW);
        window.apply(sale(NOW.minusSeconds(61), "P-4", "Water", 50, 100), NOW);

        assertThat(window.figures(NOW, 2).topProductsLastMinuteByUnits())
                .extracting(ProductFigure::productId, ProductFigure::units)
                .containsExactly(tuple("P-1", 10L), tuple("P-3", 3L));
    }
}
