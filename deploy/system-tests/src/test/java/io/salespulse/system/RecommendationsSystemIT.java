package io.salespulse.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations through the gateway with no LLM key and no internet: the rules engine answers from the real
 * analytics and inventory services and the shipped climate normals; an analyst may read them, a clerk may not.
 * The stack seeds the demo catalog (deploy/local/stack up: 30 products, 400 units each at ST-001), so the rules
 * always find something to promote (slow movers with full shelves at least); an input service that is unreachable
 * or refuses the propagated token turns into a warning, which this test does not accept.
 */
class RecommendationsSystemIT {

    @Test
    void theRulesEngineAnswersForAStoreWithClimatologyWeather() {
        SystemStack stack = SystemStack.get();
        String analyst = KeycloakTokens.accessToken(stack, "analyst");
        JsonPath answer = given().baseUri(stack.gatewayUrl()).auth().oauth2(analyst)
                .queryParam("locationId", "ST-001")
                .when().get("/api/recommendations")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("source")).isEqualTo("rules");
        assertThat(answer.getList("weather.locationId")).contains("ST-001");
        assertThat(answer.getList("weather.source")).containsOnly("climatology");
        assertThat(answer.getList("warnings")).as("inputs (inventory, analytics) all reached with the caller's token")
                .isEmpty();
        assertThat(answer.getList("promotions")).as("promotions for the demo store").isNotEmpty();
        assertThat(answer.getList("promotions.locationId")).containsOnly("ST-001");
        assertThat(answer.getList("pricing")).isNotNull();
        // Every suggested price stays within the configured ±15 %.
        for (Object change : answer.getList("pricing.changePct")) {
            assertThat(Math.abs(Double.parseDouble(change.toString()))).isLessThanOrEqualTo(15.0);
        }

        // The audit of applied prices is readable by an analyst (nothing is applied here: prices are shared demo data).
        given().baseUri(stack.gatewayUrl()).auth().oauth2(analyst)
                .when().get("/api/recommendations/pricing/applied")
                .then().statusCode(200)
                .body("page", org.hamcrest.Matchers.equalTo(0))
                .body("items", org.hamcrest.Matchers.notNullValue());

        // The management summary: written by the template when no LLM is configured.
        given().baseUri(stack.gatewayUrl()).auth().oauth2(analyst).contentType("application/json")
                .body(java.util.Map.of("period", "2026-11-21", "currency", "EUR", "revenue", "1234.50", "orders", 321,
                        "units", 540, "previousRevenue", "1100.00",
                        "topProducts", java.util.List.of(java.util.Map.of("key", "P-1002", "name", "Cappuccino",
                                "revenue", "250.00", "units", 80)),
                        "byLocation", java.util.List.of()))
                .when().post("/api/summaries")
                .then().statusCode(200)
                .body("summary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));

        String clerk = KeycloakTokens.accessToken(stack, "clerk");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk)
                .when().get("/api/recommendations")
                .then().statusCode(403);
    }

    /** Products whose prices other system tests and the browser test rely on. */
    private static final Set<String> PRICED_ELSEWHERE = Set.of("P-1001", "P-1002", "P-1003", "P-1009", "P-1010",
            "P-1026", "P-1028", "P-1029", "P-1030");

    /**
     * A manager applies a suggested price: inventory-service's catalog changes (the real service, through the gateway,
     * with the manager's token), inventory audits who changed it from what to what, the suggestion is listed as
     * applied and cannot be applied twice. The product's price is restored afterwards (demo data is shared).
     */
    @Test
    void aManagerAppliesASuggestedPriceInInventoryAndItIsAudited() {
        SystemStack stack = SystemStack.get();
        String manager = KeycloakTokens.accessToken(stack, "manager");
        List<Map<String, Object>> pricing = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                .queryParam("locationId", "ST-001")
                .when().get("/api/recommendations")
                .then().statusCode(200).extract().jsonPath().getList("pricing");
        Map<String, Object> suggestion = pricing.stream()
                .filter(p -> !PRICED_ELSEWHERE.contains((String) p.get("productId")))
                .findFirst().orElseThrow(() -> new AssertionError("no price suggestion for ST-001: " + pricing));
        String productId = (String) suggestion.get("productId");
        BigDecimal suggested = new BigDecimal(suggestion.get("suggestedPrice").toString());
        Map<String, Object> before = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                .when().get("/api/products/" + productId)
                .then().statusCode(200).extract().jsonPath().getMap("");
        try {
            given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                    .when().post("/api/recommendations/pricing/" + suggestion.get("id") + "/apply")
                    .then().statusCode(200);

            JsonPath product = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                    .when().get("/api/products/" + productId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(new BigDecimal(product.getString("unitPrice"))).isEqualByComparingTo(suggested);

            JsonPath change = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                    .queryParam("size", 1)
                    .when().get("/api/products/" + productId + "/changes")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(change.getString("items[0].changedBy")).isEqualTo("manager");
            assertThat(new BigDecimal(change.getString("items[0].oldUnitPrice")))
                    .isEqualByComparingTo(new BigDecimal(before.get("unitPrice").toString()));
            assertThat(new BigDecimal(change.getString("items[0].newUnitPrice"))).isEqualByComparingTo(suggested);

            JsonPath applied = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                    .when().get("/api/recommendations/pricing/applied")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(applied.getList("items.id")).contains(suggestion.get("id"));

            given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                    .when().post("/api/recommendations/pricing/" + suggestion.get("id") + "/apply")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            Map<String, Object> restore = new HashMap<>(before);
            given().baseUri(stack.gatewayUrl()).auth().oauth2(manager).contentType(ContentType.JSON).body(restore)
                    .when().put("/api/products/" + productId)
                    .then().statusCode(200);
        }
    }
}
