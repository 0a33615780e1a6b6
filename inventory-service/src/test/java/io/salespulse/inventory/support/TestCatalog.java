package io.salespulse.inventory.support;

import io.restassured.http.ContentType;
import io.salespulse.testsupport.TestTokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Creates catalog data through the REST API with fresh ids, so that test classes sharing one database and one
 * broker never see each other's products.
 */
public final class TestCatalog {
    public static final String MANAGER = TestTokens.bearer("manager-1", "manager");
    public static final String ADMIN = TestTokens.bearer("admin-1", "admin");
    public static final String CLERK = TestTokens.bearer("clerk-1", "clerk");
    public static final String DEVICE = TestTokens.bearer("scanner-1", "device");

    private TestCatalog() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A random valid GTIN-13 (GS1 check digit). */
    public static String randomGtin13() {
        StringBuilder body = new StringBuilder("40");
        while (body.length() < 12) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = body.charAt(11 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return body.append((10 - sum % 10) % 10).toString();
    }

    public static String category(String parentId, String name) {
        String id = uniqueId("cat").toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("parentId", parentId);
        body.put("name", name + " " + id);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/categories").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> productBody(String id, String categoryId, String price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("sku", "SKU-" + id);
        body.put("gtin", randomGtin13());
        body.put("name", "Product " + id);
        body.put("categoryId", categoryId);
        body.put("unitPrice", price);
        body.put("unitCost", "0.50");
        body.put("currency", "EUR");
        body.put("attributes", Map.of("size", "330 ml"));
        return body;
    }

    public static String product(String categoryId) {
        String id = uniqueId("P");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(productBody(id, categoryId, "1.90"))
                .when().post("/products").then().statusCode(201);
        return id;
    }

    public static String product() {
        return product(category(null, "Test"));
    }

    public static String store() {
        String id = uniqueId("ST");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Store " + id);
        body.put("kind", "STORE");
        body.put("region", "DACH");
        body.put("country", "DE");
        body.put("latitude", 52.52);
        body.put("longitude", 13.405);
        body.put("timeZone", "Europe/Berlin");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/locations").then().statusCode(201);
        return id;
    }

    /** A manager's adjustment; returns nothing, the level is read back with {@link #onHand}. */
    public static void adjust(String type, String productId, String locationId, int quantity) {
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", type, "productId", productId, "locationId", locationId, "quantity", quantity))
                .when().post("/inventory/adjustments").then().statusCode(201);
    }

    public static void thresholds(String productId, String locationId, int reorderPoint, int criticalLevel,
                                  int targetLevel) {
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("reorderPoint", reorderPoint, "criticalLevel", criticalLevel, "targetLevel", targetLevel))
                .when().put("/inventory/{p}/{l}/thresholds", productId, locationId).then().statusCode(200);
    }

    /** On hand of a level per GET /inventory, or null when the level does not exist. */
    public static Integer onHand(String productId, String locationId) {
        return given().header("Authorization", CLERK)
                .queryParam("productId", productId).queryParam("locationId", locationId)
                .when().get("/inventory").then().statusCode(200)
                .extract().path("items[0].onHand");
    }
}
