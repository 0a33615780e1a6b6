package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.salespulse.analytics.domain.LiveOrders.returned;
import static io.salespulse.analytics.domain.LiveOrders.sale;
import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowTest {
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final SlidingWindow window = new SlidingWindow();

    @Test
    void anEventExactlyAtNowIsInTheLastMinute() {
        window.add(sale(NOW, 1000), NOW);

        var m = window.minutes(NOW);
        assertThat(m.lastRevenueCents()).isEqualTo(1000);
        assertThat(m.lastOrders()).isEqualTo(1);
        assertThat(m.previousRevenueCents()).isZero();
        assertThat(m.windowEnd()).isEqualTo(NOW);
    }

    @Test
    void anEventExactlyAtNowMinus60sIsInThePreviousMinuteOnly() {
        window.add(sale(NOW.minusSeconds(60), 700), NOW);

        var m = window.minutes(NOW);
        assertThat(m.lastRevenueCents()).isZero();
        assertThat(m.lastOrders()).isZero();
        assertThat(m.previousRevenueCents()).isEqualTo(700);
        assertThat(m.previousOrders()).isEqualTo(1);
    }

    @Test
    void aMillisecondAfterNowMinus60sIsInTheLastMinute() {
        window.add(sale(NOW.minusSeconds(60).plusMillis(1), 300), NOW);

        assertThat(window.minutes(NOW).lastRevenueCents()).isEqualTo(300);
        assertThat(window.minutes(NOW).previousRevenueCents()).isZero();
    }

    @Test
    void thePreviousMinuteEndsAfterNowMinus120sAndEventsThereAreInNeither() {
        window.add(sale(NOW.minusSeconds(120), 111), NOW);
        window.add(sale(NOW.minusSeconds(120).plusMillis(1), 222), NOW);

        var m = window.minutes(NOW);
        assertThat(m.previousRevenueCents()).isEqualTo(222);
        assertThat(m.previousOrders()).isEqualTo(1);
        assertThat(m.lastRevenueCents()).isZero();
    }

    @Test
    void eventsMoreThan5sInTheFutureAreIgnored() {
        assertThat(window.add(sale(NOW.plusSeconds(5).plusMillis(1), 900), NOW)).isFalse();

        assertThat(window.minutes(NOW.plusSeconds(10)).lastRevenueCents()).isZero();
    }

    @Test
    void anEventUpTo5sInTheFutureWaitsUntilItsTimeComes() {
        assertThat(window.add(sale(NOW.plusSeconds(5), 400), NOW)).isTrue();

        assertThat(window.minutes(NOW).lastRevenueCents()).isZero();
        assertThat(window.minutes(NOW.plusSeconds(4)).lastRevenueCents()).isZero();
        assertThat(window.minutes(NOW.plusSeconds(5)).lastRevenueCents()).isEqualTo(400);
    }

    @Test
    void theCurrentPartialSecondJoinsWhenTheWindowReachesIt() {
        window.add(sale(NOW.plusMillis(200), 50), NOW.plusMillis(300));

        assertThat(window.minutes(NOW.plusMillis(900)).lastRevenueCents()).isZero();
        assertThat(window.minutes(NOW.plusSeconds(1)).lastRevenueCents()).isEqualTo(50);
    }

    @Test
    void lateEventsCountOnlyIfTheyFallInsideTheWindow() {
        assertThat(window.add(sale(NOW.minusSeconds(30), 100), NOW)).isTrue();
        assertThat(window.add(sale(NOW.minusSeconds(90), 200), NOW)).isTrue();
        assertThat(window.add(sale(NOW.minusSeconds(121), 300), NOW)).isFalse();
        assertThat(window.add(sale(NOW.minusSeconds(3600), 400), NOW)).isFalse();

        var m = window.minutes(NOW);
        assertThat(m.lastRevenueCents()).isEqualTo(100);
        assertThat(m.previousRevenueCents()).isEqualTo(200);
    }

    @Test
    void theLastMinuteRollsOverIntoThePreviousOneAndThenOut() {
        window.add(sale(NOW.minusSeconds(10), 100), NOW);
        window.add(sale(NOW, 20), NOW);

        var oneMinuteLater = window.minutes(NOW.plusSeconds(60));
        assertThat(oneMinuteLater.lastRevenueCents()).isZero();
        assertThat(oneMinuteLater.previousRevenueCents()).isEqualTo(120);
        assertThat(oneMinuteLater.previousOrders()).isEqualTo(2);

        var almostTwoLater = window.minutes(NOW.plusSeconds(110));
        assertThat(almostTwoLater.previousRevenueCents()).isEqualTo(20);

        var twoMinutesLater = window.minutes(NOW.plusSeconds(120));
        assertThat(twoMinutesLater.lastRevenueCents()).isZero();
        assertThat(twoMinutesLater.previousRevenueCents()).isZero();
    }

    @Test
    void aReusedSlotForgetsItsOldSecond() {
        window.add(sale(NOW, 100), NOW);
        Instant later = NOW.plusSeconds(SlidingWindow.SLOTS);
        window.add(sale(later, 5), later);

        var m = window.minutes(later);
        assertThat(m.lastRevenueCents()).isEqualTo(5);
        assertThat(m.lastOrders()).isEqualTo(1);
        assertThat(m.previousRevenueCents()).isZero();
    }

    @Test
    void returnsSubtractRevenueButAreNotOrders() {
        window.add(sale(NOW.minusSeconds(5), 1000), NOW);
        window.add(returned(NOW.minusSeconds(4), 250), NOW);

        var m = window.minutes(NOW);
        assertThat(m.lastRevenueCents()).isEqualTo(750);
        assertThat(m.lastOrders()).isEqualTo(1);
    }

    @Test
    void productsOfTheLastMinuteAddUpAcrossSecondsAndLeaveWithTheirMinute() {
        window.add(sale(NOW.minusSeconds(70), "P-1", "Old", 9, 9000), NOW);
        window.add(sale(NOW.minusSeconds(30), "P-2", "Tea", 2, 400), NOW);
        window.add(sale(NOW.minusSeconds(20), "P-2", "Tea", 1, 200), NOW);
        window.add(sale(NOW.minusSeconds(10), "P-3", null, 5, 250), NOW);

        assertThat(window.lastMinuteProducts(NOW)).containsExactlyInAnyOrder(
                new ProductFigure("P-2", "Tea", 3, Money.ofCents(600)),
                new ProductFigure("P-3", null, 5, Money.ofCents(250)));
    }
}
