package io.salespulse.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A marketplace sale end to end: a signed Shopify orders/create webhook through the gateway (no token: HMAC is the
 * authorization) appears on /ws/live as a MARKETPLACE sale, moves stock at the fulfilment centre, and its customer's
 * personal data is in order-service's customer store (found, exported and erased by an admin), nowhere else.
 */
class ShopifyWebhookSystemIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SKU-MUG-LOGO in the sample is P-1026 of the demo catalog. */
    private static final String MUG = "P-1026";

    private static SystemStack stack;
    private static String manager;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        manager = KeycloakTokens.accessToken(stack, "manager");
    }

    @Test
    void aSignedShopifyOrderBecomesALiveMarketplaceSaleAndMovesStock() throws Exception {
        // Shopify's documented orders/create payload (channel-ingest's sample), as a new order placed now.
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(stack.root()
                .resolve("channel-ingest-service/src/test/resources/samples/shopify-orders-create.json")));
        long orderId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        order.put("id", orderId);
        order.put("created_at", Instant.now().toString());
        order.put("processed_at", Instant.now().toString());
        // A customer of their own, so that the customer store's answer is about this run only.
        String email = "giulia.rossi+" + orderId + "@example.com";
        order.put("email", email).put("contact_email", email);
        ((ObjectNode) order.get("customer")).put("id", orderId + 7).put("email", email);
        byte[] body = JSON.writeValueAsBytes(order);
        int mugsBefore = onHand(MUG, "WEB-FC");

        try (LiveFeed live = new LiveFeed(stack, manager)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !live.messages().isEmpty());
            given().baseUri(stack.gatewayUrl())
                    .header("X-Shopify-Topic", "orders/create")
                    .header("X-Shopify-Shop-Domain", SystemStack.SHOPIFY_SHOP)
                    .header("X-Shopify-Hmac-Sha256", sign(body, SystemStack.SHOPIFY_SECRET))
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                    .contentType("application/json")
                    .body(body)
                    .when().post("/webhooks/shopify")
                    .then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(live.messages()).anySatisfy(message -> {
                        assertThat(message.path("type").asText()).isEqualTo("order.recorded");
                        assertThat(message.path("data").path("externalId").asText()).isEqualTo(Long.toString(orderId));
                        assertThat(message.path("data").path("channel").asText()).isEqualTo("MARKETPLACE");
                        assertThat(message.path("data").path("source").asText())
                                .isEqualTo("shopify:" + SystemStack.SHOPIFY_SHOP);
                    }));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(onHand(MUG, "WEB-FC")).isEqualTo(mugsBefore - 2));
        theCustomerIsInTheProtectedStoreOnlyAndCanBeErased(email, orderId);
    }

    /** The webhook's personal data reached order-service's customer store: an admin finds, exports and erases it. */
    private static void theCustomerIsInTheProtectedStoreOnlyAndCanBeErased(String email, long orderId) {
        String admin = KeycloakTokens.accessToken(stack, "admin");
        String lookup = "{\"email\": \"" + email + "\"}";
        given().baseUri(stack.gatewayUrl()).auth().oauth2(manager).contentType("application/json").body(lookup)
                .when().post("/api/privacy/customers/lookup")
                .then().statusCode(403);
        String customerRef = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(lookup).when().post("/api/privacy/customers/lookup")
                .then().statusCode(200).extract().path("customerRefs[0]");
        assertThat(customerRef).startsWith("cus_");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var export = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                    .when().get("/api/privacy/customers/" + customerRef)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(export.getString("personal.firstName")).isEqualTo("Giulia");
            assertThat(export.getString("personal.email")).isEqualTo(email);
            assertThat(export.getList("orders.externalId")).contains(Long.toString(orderId));
        });
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .when().delete("/api/privacy/customers/" + customerRef)
                .then().statusCode(204);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .when().get("/api/privacy/customers/" + customerRef)
                .then().statusCode(404);
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        given().baseUri(stack.gatewayUrl())
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", SystemStack.SHOPIFY_SHOP)
                .header("X-Shopify-Hmac-Sha256", sign("{}".getBytes(StandardCharsets.UTF_8), "not-the-secret"))
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .contentType("application/json")
                .body("{}")
                .when().post("/webhooks/shopify")
                .then().statusCode(401);
    }

    private static int onHand(String productId, String locationId) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(manager)
                .queryParam("productId", productId).queryParam("locationId", locationId)
                .when().get("/api/inventory")
                .then().statusCode(200).extract().path("items[0].onHand");
    }

    private static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
