package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the demo catalog and the opening stock through the gateway as a manager would. Idempotent: what exists
 * already (409) is left as it is, and opening stock is only received where a level does not exist yet. Stock is
 * received before thresholds are set, so a level never sits below its reorder point and raises no alert.
 */
final class Seeder {
    private final Gateway gateway;
    private final DemoCatalog catalog;

    Seeder(Gateway gateway, DemoCatalog catalog) {
        this.gateway = gateway;
        this.catalog = catalog;
    }

    void run() throws IOException, InterruptedException {
        JsonNode doc = catalog.document();
        int created = 0;
        for (JsonNode category : doc.get("categories")) {
            created += create("/api/categories", category);
        }
        for (JsonNode location : doc.get("locations")) {
            created += create("/api/locations", location);
        }
        for (JsonNode product : doc.get("products")) {
            created += create("/api/products", product);
        }
        for (JsonNode device : doc.get("devices")) {
            created += create("/api/devices", device);
        }
        int received = openingStock(doc.get("stock"));
        System.out.printf("demo catalog: %d new records, opening stock received for %d product/location pairs%n",
                created, received);
    }

    private int create(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = gateway.send("POST", path, body.toString());
        if (response.statusCode() == 409) {
            return 0;
        }
        require(response, path);
        return 1;
    }

    private int openingStock(JsonNode stock) throws IOException, InterruptedException {
        int received = 0;
        for (JsonNode location : catalog.document().get("locations")) {
            String kind = location.get("kind").asText();
            String locationId = location.get("id").asText();
            for (DemoCatalog.Product product : catalog.products()) {
                String level = "/api/inventory?productId=" + product.id() + "&locationId=" + locationId;
                HttpResponse<String> existing = gateway.send("GET", level, null);
                require(existing, level);
                if (Gateway.JSON.readTree(existing.body()).path("totalItems").asLong() == 0) {
                    receive(product.id(), locationId, stock.get("initialOnHand").get(kind).asInt());
                    received++;
                }
                // Thresholds are set every time (idempotent), so an interrupted seed is completed by the next one.
                Map<String, Object> thresholds = new LinkedHashMap<>();
                thresholds.put("reorderPoint", stock.get("reorderPoint").get(kind).asInt());
                thresholds.put("criticalLevel", stock.get("criticalLevel").get(kind).asInt());
                thresholds.put("targetLevel", stock.get("targetLevel").get(kind).asInt());
                String thresholdsPath = "/api/inventory/" + product.id() + "/" + locationId + "/thresholds";
                require(gateway.send("PUT", thresholdsPath, thresholds), thresholdsPath);
            }
        }
        return received;
    }

    private void receive(String productId, String locationId, int quantity) throws IOException, InterruptedException {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("type", "RECEIPT");
        receipt.put("productId", productId);
        receipt.put("locationId", locationId);
        receipt.put("quantity", quantity);
        receipt.put("note", "demo opening stock");
        // Perishables arrive as a dated lot, so the expiry view has something to show.
        for (JsonNode lot : catalog.document().path("lots")) {
            if (lot.get("productId").asText().equals(productId)) {
                LocalDate expires = LocalDate.now(ZoneOffset.UTC).plusDays(lot.get("shelfLifeDays").asInt());
                receipt.put("lotCode", "DEMO-" + productId + "-" + locationId);
                receipt.put("expiresOn", expires.toString());
            }
        }
        require(gateway.send("POST", "/api/inventory/adjustments", receipt), "/api/inventory/adjustments");
    }

    private static void require(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
