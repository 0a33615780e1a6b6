package io.salespulse.analytics.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Top-N lists of products. Ties are broken by the other figure, then by product id, so lists are stable. */
public final class Ranking {
    public static final Comparator<ProductFigure> BY_REVENUE = Comparator
            .comparing(ProductFigure::revenue).reversed()
            .thenComparing(Comparator.comparingLong(ProductFigure::units).reversed())
            .thenComparing(ProductFigure::productId);
    public static final Comparator<ProductFigure> BY_UNITS = Comparator
            .comparingLong(ProductFigure::units).reversed()
            .thenComparing(Comparator.comparing(ProductFigure::revenue).reversed())
            .thenComparing(ProductFigure::productId);

    private Ranking() {
    }

    /**
     * The first {@code n} by {@code order}; products whose ranked figure is not positive (only returns) are
     * left out: a "top seller" list never shows them.
     */
    public static List<ProductFigure> top(Collection<ProductFigure> products, Comparator<ProductFigure> order, int n) {
        return products.stream()
                .filter(p -> order == BY_UNITS ? p.units() > 0 : p.revenue().signum() > 0)
                .sorted(order)
                .limit(n)
                .toList();
    }
}
