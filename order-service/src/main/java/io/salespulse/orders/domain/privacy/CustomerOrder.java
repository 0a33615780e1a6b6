package io.salespulse.orders.domain.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One of a customer's recorded orders, as an access request lists it. */
public record CustomerOrder(UUID orderId, String type, String channel, String source, String externalId,
                            Instant occurredAt, String currency, BigDecimal total) {
}
