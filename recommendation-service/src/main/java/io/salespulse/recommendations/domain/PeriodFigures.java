package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.util.List;

/** A period's figures as reports send them to {@code POST /summaries}; money in the reporting currency. */
public record PeriodFigures(String period, String currency, BigDecimal revenue, long orders, long units,
                            BigDecimal previousRevenue, List<Ranked> topProducts, List<Ranked> byLocation) {

    public PeriodFigures {
        topProducts = topProducts == null ? List.of() : List.copyOf(topProducts);
        byLocation = byLocation == null ? List.of() : List.copyOf(byLocation);
    }

    /** A product or location with its figures ({@code name} optional). */
    public record Ranked(String key, String name, BigDecimal revenue, Long units) {
    }
}
