package io.salespulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock follows sales end to end: an order posted through the gateway moves the level, and crossing the reorder
 * point raises a LOW_STOCK alert that reaches /ws/live.
 */
class StockAlertSystemIT {
    private static final String PRODUCT = "P-1029";
    private static final String LOCATION = "ST-005";

    private static SystemStack stack;
    private static String clerk;
    private static String manager;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        clerk = KeycloakTokens.accessToken(stack, "clerk");
        manager = KeycloakTokens.accessToken(stack, "manager");
    }

    @Test
    void aSalePastTheReorderPointRaisesALiveAlert() {
        int onHand = level().path("onHand").asInt();
        assertThat(onHand).as("demo opening stock").isGreaterThan(10);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("reorderPoint", onHand - 1, "criticalLevel", 1, "targetLevel", onHand + 100))
                .when().put("/api/inventory/" + PRODUCT + "/" + LOCATION + "/thresholds")
                .then().statusCode(200);

        try (LiveFeed live = new LiveFeed(stack, clerk)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !live.messages().isEmpty());
            given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                    .body(Map.of("externalId", "stock-" + UUID.randomUUID(), "channel", "STORE", "locationId", LOCATION,
                            "currency", "EUR",
                            "lines", List.of(Map.of("productId", PRODUCT, "quantity", 2, "unitPrice", "17.90"))))
                    .when().post("/api/orders")
                    .then().statusCode(202);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode level = level();
                assertThat(level.path("onHand").asInt()).isEqualTo(onHand - 2);
                assertThat(level.path("status").asText()).isEqualTo("LOW");
            });
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(live.messages()).anySatisfy(message -> {
                        assertThat(message.path("type").asText()).isEqualTo("alert");
                        assertThat(message.path("data").path("type").asText()).isEqualTo("LOW_STOCK");
                        assertThat(message.path("data").path("state").asText()).isEqualTo("RAISED");
                        assertThat(message.path("data").path("productId").asText()).isEqualTo(PRODUCT);
                        assertThat(message.path("data").path("locationId").asText()).isEqualTo(LOCATION);
                    }));
        }
    }

    private static JsonNode level() {
        String body = given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                .queryParam("productId", PRODUCT).queryParam("locationId", LOCATION)
                .when().get("/api/inventory")
                .then().statusCode(200).extract().asString();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("items").path(0);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
