package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The 'total' rollup of one business day. */
public record DailyTotal(LocalDate day, BigDecimal revenue, long orders, long units) {
}
