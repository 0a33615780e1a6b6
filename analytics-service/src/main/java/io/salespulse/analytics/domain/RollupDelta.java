package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a batch of newly counted orders adds to one rollup row ({@code day} is null for all-time rows). */
public record RollupDelta(LocalDate day, Dimension dimension, String key, String label, BigDecimal revenue,
                          long orders, long units) {
}
