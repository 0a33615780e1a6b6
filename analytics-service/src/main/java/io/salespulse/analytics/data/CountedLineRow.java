package io.salespulse.analytics.data;

import java.math.BigDecimal;
import java.util.UUID;

/** What the live-window rebuild reads of a counted line (quantity unsigned, lineTotal signed as stored). */
public record CountedLineRow(UUID orderId, String productId, String name, int quantity, BigDecimal lineTotal) {
}
