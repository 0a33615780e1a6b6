package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {
    private static final List<ProductFigure> PRODUCTS = List.of(
            new ProductFigure("P-1", "Cola", 10, new BigDecimal("19.90")),
            new ProductFigure("P-2", "Wine", 2, new BigDecimal("25.00")),
            new ProductFigure("P-3", "Gum", 10, new BigDecimal("9.90")),
            new ProductFigure("P-0", "Tea", 2, new BigDecimal("25.00")),
            new ProductFigure("P-4", "Returned", -1, new BigDecimal("-3.00")));

    @Test
    void byRevenueDescendingThenUnitsThenProductId() {
        assertThat(Ranking.top(PRODUCTS, Ranking.BY_REVENUE, 10))
                .extracting(ProductFigure::productId).containsExactly("P-0", "P-2", "P-1", "P-3");
    }

    @Test
    void byUnitsDescendingThenRevenue() {
        assertThat(Ranking.top(PRODUCTS, Ranking.BY_UNITS, 10))
                .extracting(ProductFigure::productId).containsExactly("P-1", "P-3", "P-0", "P-2");
    }

    @Test
    void onlyTheFirstNAndNeverProductsWithOnlyReturns() {
        assertThat(Ranking.top(PRODUCTS, Ranking.BY_REVENUE, 2)).hasSize(2);
        assertThat(Ranking.top(PRODUCTS, Ranking.BY_REVENUE, 10))
                .noneMatch(p -> p.productId().equals("P-4"));
    }
}
