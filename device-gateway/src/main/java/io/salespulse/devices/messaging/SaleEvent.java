package io.salespulse.devices.messaging;

import java.util.List;
import java.util.UUID;

/** Data of sales.events.v1 (deploy/contracts/sales.events.v1/sale-event.schema.json); money as exact strings. */
public record SaleEvent(UUID eventId, String type, String channel, String source, String externalId,
                        String locationId, String occurredAt, String currency, List<Line> lines) {
    public static final String EVENT_TYPE = "io.salespulse.sale-event.v1";

    public record Line(String productId, String sku, String gtin, int quantity, String unitPrice) {
    }

    /** The order key every producer of sales.events.v1 uses. */
    public String key() {
        return channel + ":" + source + ":" + externalId;
    }
}
