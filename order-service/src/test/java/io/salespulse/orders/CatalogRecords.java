package io.salespulse.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother of catalog.products.v1 and catalog.locations.v1 payloads, as inventory-service publishes them. */
public final class CatalogRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogRecords() {
    }

    public static Map<String, Object> product(String productId, String sku, String gtin, String name,
                                              List<String> categoryPath, String unitPrice, boolean active,
                                              Instant updatedAt) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("productId", productId);
        product.put("sku", sku);
        product.put("gtin", gtin);
        product.put("name", name);
        product.put("categoryId", "C-" + categoryPath.size());
        product.put("categoryPath", categoryPath);
        product.put("unitPrice", unitPrice);
        product.put("unitCost", "0.50");
        product.put("currency", "EUR");
        product.put("active", active);
        product.put("attributes", Map.of("brand", "Acme"));
        product.put("updatedAt", updatedAt.toString());
        return product;
    }

    public static Map<String, Object> location(String locationId, String region, Instant updatedAt) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("locationId", locationId);
        location.put("name", "Store " + locationId);
        location.put("kind", "STORE");
        location.put("region", region);
        location.put("country", "DE");
        location.put("latitude", 52.52);
        location.put("longitude", 13.405);
        location.put("timeZone", "Europe/Berlin");
        location.put("active", true);
        location.put("updatedAt", updatedAt.toString());
        return location;
    }

    /** A GTIN-13 of these 12 digits with its GS1 check digit. */
    public static String gtin13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    public static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
