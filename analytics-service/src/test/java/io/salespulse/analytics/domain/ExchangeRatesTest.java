package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeRatesTest {
    private static final LocalDate DEC_1 = LocalDate.parse("2026-12-01");
    private static final ExchangeRates RATES = new ExchangeRates("EUR", List.of(
            rate("USD", DEC_1, "0.92"), rate("USD", DEC_1.plusDays(5), "0.95"), rate("GBP", DEC_1, "1.17")));

    @Test
    void aRateHoldsFromItsDayUntilTheNextRateOfItsCurrency() {
        assertThat(RATES.rateOn("USD", DEC_1.minusDays(1))).isEmpty();
        assertThat(RATES.rateOn("USD", DEC_1)).contains(new BigDecimal("0.92"));
        assertThat(RATES.rateOn("USD", DEC_1.plusDays(4))).contains(new BigDecimal("0.92"));
        assertThat(RATES.rateOn("USD", DEC_1.plusDays(5))).contains(new BigDecimal("0.95"));
        assertThat(RATES.rateOn("USD", DEC_1.plusDays(400))).contains(new BigDecimal("0.95"));
        assertThat(RATES.rateOn("CHF", DEC_1)).isEmpty();
        assertThat(RATES.rateOn("EUR", DEC_1.minusYears(30))).contains(BigDecimal.ONE);
        assertThat(RATES.firstCoveredDays()).containsEntry("USD", DEC_1).containsEntry("GBP", DEC_1).hasSize(2);
    }

    @Test
    void eachLineIsConvertedToCentsHalfEvenAndTheTotalIsTheirSum() {
        RecordedOrder order = order("GBP", OrderType.SALE, Instant.parse("2026-12-03T10:00:00Z"),
                line(1, 3, "2.50", "7.50"), line(2, 1, "0.10", "0.10"));

        RecordedOrder converted = RATES.toReporting(order, ZoneOffset.UTC).orElseThrow();

        // 7.50 x 1.17 = 8.775 -> 8.78 (half-even: 7 is odd); 2.50 x 1.17 = 2.925 -> 2.92; 0.10 x 1.17 = 0.117 -> 0.12
        assertThat(converted.lines()).extracting(RecordedLine::lineTotal)
                .containsExactly(new BigDecimal("8.78"), new BigDecimal("0.12"));
        assertThat(converted.lines().get(0).unitPrice()).isEqualByComparingTo("2.92");
        assertThat(converted.total()).isEqualByComparingTo("8.90");
        assertThat(converted.currency()).isEqualTo("EUR");
        assertThat(converted.conversion()).isEqualTo(new Conversion("GBP", new BigDecimal("7.60"),
                new BigDecimal("1.17")));
        assertThat(converted.orderId()).isEqualTo(order.orderId());
        assertThat(converted.signedUnits()).isEqualTo(4);
    }

    @Test
    void aReturnStaysNegativeAndTheRateIsTheOneOfItsBusinessDayInTheBusinessZone() {
        // 2026-12-05T23:30Z is already 2026-12-06 in Berlin: the 0.95 rate from the 6th applies there.
        Instant lateEvening = Instant.parse("2026-12-05T23:30:00Z");
        RecordedOrder refund = order("USD", OrderType.RETURN, lateEvening, line(1, 1, "10.00", "-10.00"));

        assertThat(RATES.toReporting(refund, ZoneOffset.UTC).orElseThrow().total()).isEqualByComparingTo("-9.20");
        assertThat(RATES.toReporting(refund, ZoneId.of("Europe/Berlin")).orElseThrow().total())
                .isEqualByComparingTo("-9.50");
    }

    @Test
    void anOrderNoRateCoversIsNotConvertedAndOneInTheReportingCurrencyIsItself() {
        RecordedOrder early = order("USD", OrderType.SALE, Instant.parse("2026-11-30T12:00:00Z"),
                line(1, 1, "1.00", "1.00"));
        RecordedOrder inEuros = order("EUR", OrderType.SALE, Instant.parse("2026-11-30T12:00:00Z"),
                line(1, 1, "1.00", "1.00"));

        assertThat(RATES.toReporting(early, ZoneOffset.UTC)).isEmpty();
        assertThat(RATES.toReporting(inEuros, ZoneOffset.UTC)).containsSame(inEuros);
    }

    @Test
    void anOrderWhoseConvertedAmountTheDatabaseCannotHoldKeepsWaiting() {
        ExchangeRates huge = new ExchangeRates("EUR", List.of(rate("JPY", DEC_1, "1000000")));
        RecordedOrder big = order("JPY", OrderType.SALE, Instant.parse("2026-12-03T10:00:00Z"),
                line(1, 1, "1000000.00", "1000000.00"));
        RecordedOrder fine = order("JPY", OrderType.SALE, Instant.parse("2026-12-03T10:00:00Z"),
                line(1, 1, "999999.99", "999999.99"));

        assertThat(huge.toReporting(big, ZoneOffset.UTC)).isEmpty();
        assertThat(huge.toReporting(fine, ZoneOffset.UTC).orElseThrow().total())
                .isEqualByComparingTo("999999990000.00");
    }

    private static ExchangeRate rate(String currency, LocalDate from, String rate) {
        return new ExchangeRate(currency, from, new BigDecimal(rate), "ada", Instant.EPOCH);
    }

    private static RecordedLine line(int no, int quantity, String unitPrice, String lineTotal) {
        return new RecordedLine(no, "P-" + no, "Product " + no, "Drinks", quantity, new BigDecimal(unitPrice),
                new BigDecimal(lineTotal));
    }

    private static RecordedOrder order(String currency, OrderType type, Instant at, RecordedLine... lines) {
        BigDecimal total = List.of(lines).stream().map(RecordedLine::lineTotal).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new RecordedOrder(UUID.randomUUID(), UUID.randomUUID(), type, "WEB", "webshop:main", "X-1", "WEB",
                null, at, at, currency, total, List.of(lines));
    }
}
