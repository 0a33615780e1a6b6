package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the platform stores them: NUMERIC(14,2), so at most 12 integer digits and 2 decimals. */
public final class Money {
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** True if the amount fits NUMERIC(14,2) (either sign). */
    public static boolean fits(BigDecimal amount) {
        return amount.abs().compareTo(MAX) <= 0;
    }

    /** The wire form of the contracts: a plain decimal string with exactly 2 decimals ("-12.50"). */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
