package io.salespulse.system;

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
 * A store scanner end to end: the demo scanner of ST-001 (registered by the seed, Keycloak client
 * device-demo-st001) scans a basket through the gateway with its client-credentials token; the checkout becomes a
 * SCANNER sale on /ws/live and moves the store's stock. Another store's device identity is refused.
 */
class DeviceScanSystemIT {
    private static final String DEVICE = "scanner-st001";
    /** Cappuccino, P-1002 of the demo catalog. */
    private static final String GTIN = "4012345610024";

    private static SystemStack stack;
    private static String device;
    private static String manager;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        device = KeycloakTokens.clientToken(stack, "device-demo-st001", "device-demo-st001-secret");
        manager = KeycloakTokens.accessToken(stack, "manager");
    }

    @Test
    void aScannedBasketBecomesALiveSaleAndMovesStock() {
        int before = onHand("P-1002", "ST-001");
        String basket = "b-" + UUID.randomUUID();
        try (LiveFeed live = new LiveFeed(stack, manager)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !live.messages().isEmpty());
            given().baseUri(stack.gatewayUrl()).auth().oauth2(device).contentType(ContentType.JSON)
                    .body(Map.of("basketId", basket, "scans", List.of(Map.of("code", GTIN, "quantity", 2)),
                            "checkout", Map.of("basketId", basket)))
                    .when().post("/api/devices/" + DEVICE + "/scans")
                    .then().statusCode(200)
                    .body("results[0].status", org.hamcrest.Matchers.equalTo("ACCEPTED"))
                    .body("checkout.externalId", org.hamcrest.Matchers.equalTo(DEVICE + ":" + basket));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(live.messages()).anySatisfy(message -> {
                        assertThat(message.path("type").asText()).isEqualTo("order.recorded");
                        assertThat(message.path("data").path("externalId").asText()).isEqualTo(DEVICE + ":" + basket);
                        assertThat(message.path("data").path("channel").asText()).isEqualTo("SCANNER");
                    }));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(onHand("P-1002", "ST-001")).isEqualTo(before - 2));
    }

    @Test
    void aUserTokenCannotPostScans() {
        given().baseUri(stack.gatewayUrl()).auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("scans", List.of(Map.of("code", GTIN))))
                .when().post("/api/devices/" + DEVICE + "/scans")
                .then().statusCode(403);
    }

    private static int onHand(String productId, String locationId) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                .queryParam("productId", productId).queryParam("locationId", locationId)
                .when().get("/api/inventory")
                .then().statusCode(200).extract().path("items[0].onHand");
    }
}
