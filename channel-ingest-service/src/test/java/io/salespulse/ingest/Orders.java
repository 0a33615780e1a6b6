package io.salespulse.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object Mother of order request bodies (mutable maps: a test changes what it is about). */
public final class Orders {
    private Orders() {
    }

    /** The seed's simple form, sold an hour ago. */
    public static Map<String, Object> aSimpleSale() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("productId", "P-1001");
        order.put("quantity", 2);
        order.put("price", "2.50");
        order.put("date", anHourAgo().toString());
        return order;
    }

    /** The full form: a web shop order with one line per way of naming a product. */
    public static Map<String, Object> aFullSale() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("externalId", "WEB-" + UUID.randomUUID());
        order.put("channel", "WEB");
        order.put("source", "webshop:main");
        order.put("locationId", "ST-001");
        order.put("currency", "EUR");
        order.put("occurredAt", anHourAgo().toString());
        order.put("customerRef", "c-5f2a9b");
        order.put("lines", new ArrayList<>(List.of(
                line("productId", "P-1001", 2, "2.50"),
                line("sku", "SKU-COLA-330", 1, 1.99),
                line("gtin", "4006381333931", 3, "0.99"))));
        return order;
    }

    public static Map<String, Object> line(String reference, String value, int quantity, Object unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(reference, value);
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        return line;
    }

    public static Instant anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }
}
