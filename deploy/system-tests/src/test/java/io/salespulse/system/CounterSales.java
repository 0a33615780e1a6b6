package io.salespulse.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A staff member's counter sales at ST-001 and the dashboard's figures, through the gateway with their token. */
final class CounterSales {
    private final SystemStack stack;
    private final String token;

    CounterSales(SystemStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    /** Posts a one-line sale at ST-001 (202 expected); returns its externalId. */
    String post(String productId, int quantity, String unitPrice, String currency) {
        String externalId = "system-" + UUID.randomUUID();
        given().baseUri(stack.gatewayUrl()).auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("externalId", externalId, "channel", "STORE", "locationId", "ST-001", "currency", currency,
                        "lines", List.of(Map.of("productId", productId, "quantity", quantity, "unitPrice", unitPrice))))
                .when().post("/api/orders")
                .then().statusCode(202);
        return externalId;
    }

    /** GET /api/analytics. */
    JsonPath analytics() {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token)
                .when().get("/api/analytics")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A money figure of the analytics JSON (a decimal string). */
    static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }
}
