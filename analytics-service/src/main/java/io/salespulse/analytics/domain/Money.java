package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic: amounts have at most 2 decimals (NUMERIC(14,2)), so cents in a long are exact. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** Exact cents; throws ArithmeticException for more than 2 decimals (the parser rejects those first). */
    public static long toCents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    public static BigDecimal ofCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Scale 2, the one shape money leaves this service in. */
    public static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Change from {@code previous} to {@code current} in percent, 1 decimal HALF_UP; null when previous is zero
     * (no meaningful ratio). Divided by |previous| so that the sign always says up or down, also when the
     * previous minute was net negative (more returns than sales).
     */
    public static BigDecimal changePct(long currentCents, long previousCents) {
        if (previousCents == 0) {
            return null;
        }
        return BigDecimal.valueOf(currentCents - previousCents)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(Math.abs(previousCents)), 1, RoundingMode.HALF_UP);
    }
}
