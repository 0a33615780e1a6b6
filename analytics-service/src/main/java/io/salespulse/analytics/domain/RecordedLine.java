package io.salespulse.analytics.domain;

import java.math.BigDecimal;

/** A line of a recorded order; {@code lineTotal} is signed like the order total (negative in a RETURN). */
public record RecordedLine(int lineNo, String productId, String name, String category, int quantity,
                           BigDecimal unitPrice, BigDecimal lineTotal) {
}
