package io.salespulse.analytics.data;

import io.salespulse.analytics.domain.OrderType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the live-window rebuild reads of a counted order. */
public record CountedOrderRow(UUID orderId, OrderType type, Instant occurredAt, BigDecimal total) {
}
