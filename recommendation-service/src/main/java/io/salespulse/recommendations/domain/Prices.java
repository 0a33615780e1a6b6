package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Price arithmetic shared by the rules engine and the LLM answer validation. */
public final class Prices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Prices() {
    }

    /** {@code (suggested - current) / current * 100}, one decimal. */
    public static BigDecimal changePct(BigDecimal current, BigDecimal suggested) {
        return suggested.subtract(current).multiply(HUNDRED).divide(current, 1, RoundingMode.HALF_UP);
    }

    /**
     * The price {@code pct} percent away from {@code current}, with the change clamped to ±maxChangePct and
     * never below unit cost; empty when nothing would change after clamping (e.g. already priced at cost).
     */
    public static Optional<BigDecimal> adjusted(BigDecimal current, BigDecimal unitCost, BigDecimal pct,
                                                BigDecimal maxChangePct) {
        if (current == null || current.signum() <= 0) {
            return Optional.empty();
        }
        var bounded = pct.max(maxChangePct.negate()).min(maxChangePct);
        var price = current.multiply(HUNDRED.add(bounded)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        if (unitCost != null && price.compareTo(unitCost) < 0) {
            price = unitCost.setScale(2, RoundingMode.UP);
        }
        return price.compareTo(current) == 0 ? Optional.empty() : Optional.of(price);
    }
}
