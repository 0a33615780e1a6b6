package io.salespulse.inventory.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What inventory-service needs of a sales.events.v1 record (its own type, proven against the contract in
 * SaleEventContractTest): which product moved how many units at which location, and when; for a return, the sale it gives
 * back ({@code returnOf}: the sale's eventId, or its externalId in the same channel and source).
 */
public record SaleEvent(UUID eventId, Type type, String locationId, Instant occurredAt, List<Line> lines,
                        String returnOf) {

    public enum Type {
        SALE, RETURN
    }

    /**
     * One line; the product is named by at least one of productId, sku, gtin (tried in that order). {@code damaged}:
     * the line's optional {@code condition} is DAMAGED (only meaningful on a return).
     */
    public record Line(String productId, String sku, String gtin, int quantity, boolean damaged) {

        public Line(String productId, String sku, String gtin, int quantity) {
            this(productId, sku, gtin, quantity, false);
        }

        public String describe() {
            if (productId != null) {
                return "productId " + productId;
            }
            return sku != null ? "sku " + sku : "gtin " + gtin;
        }
    }
}
