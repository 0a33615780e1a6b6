package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Effective-dated rates into the reporting currency, and the conversion of an order with the rate valid on its
 * business day. Each line total is converted and rounded half-even to cents, and the order total is their sum, so a
 * converted order keeps total = sum of line totals like every other.
 */
public final class ExchangeRates {
    /** The largest amount counted_orders and counted_lines hold (NUMERIC(14,2)). */
    static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    private final String reportingCurrency;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();

    public ExchangeRates(String reportingCurrency, List<ExchangeRate> rates) {
        this.reportingCurrency = reportingCurrency;
        for (ExchangeRate rate : rates) {
            byCurrency.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(rate.validFrom(), rate.rate());
        }
    }

    /** Per currency that has rates: the first business day they cover. */
    public Map<String, LocalDate> firstCoveredDays() {
        Map<String, LocalDate> first = new TreeMap<>();
        byCurrency.forEach((currency, rates) -> first.put(currency, rates.firstKey()));
        return first;
    }

    /** The rate of {@code currency} on {@code day}: the one with the latest valid-from on or before it. */
    public Optional<BigDecimal> rateOn(String currency, LocalDate day) {
        if (currency.equals(reportingCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = byCurrency.get(currency);
        var entry = rates == null ? null : rates.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /**
     * {@code order} in the reporting currency (itself when it is in it already), or empty when no rate covers its
     * business day in {@code zone}.
     */
    public Optional<RecordedOrder> toReporting(RecordedOrder order, ZoneId zone) {
        if (order.currency().equals(reportingCurrency)) {
            return Optional.of(order);
        }
        return rateOn(order.currency(), Rollups.businessDay(order.occurredAt(), zone))
                .map(rate -> convert(order, rate))
                .filter(ExchangeRates::storable);
    }

    /* An amount the database cannot store would fail every batch it is in; such an order keeps waiting instead. */
    private static boolean storable(RecordedOrder converted) {
        return converted.total().abs().compareTo(MAX_MONEY) <= 0
                && converted.lines().stream().allMatch(l -> l.unitPrice().compareTo(MAX_MONEY) <= 0
                        && l.lineTotal().abs().compareTo(MAX_MONEY) <= 0);
    }

    private RecordedOrder convert(RecordedOrder order, BigDecimal rate) {
        List<RecordedLine> lines = order.lines().stream()
                .map(l -> new RecordedLine(l.lineNo(), l.productId(), l.name(), l.category(), l.quantity(),
                        cents(l.unitPrice().multiply(rate)), cents(l.lineTotal().multiply(rate))))
                .toList();
        BigDecimal total = lines.stream().map(RecordedLine::lineTotal).reduce(Money.ZERO, BigDecimal::add);
        return new RecordedOrder(order.orderId(), order.eventId(), order.type(), order.channel(), order.source(),
                order.externalId(), order.locationId(), order.region(), order.occurredAt(), order.recordedAt(),
                reportingCurrency, total, lines, new Conversion(order.currency(), order.total(), rate));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
