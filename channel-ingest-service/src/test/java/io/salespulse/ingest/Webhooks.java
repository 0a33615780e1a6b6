package io.salespulse.ingest;

import io.restassured.response.Response;
import io.salespulse.ingest.domain.webhook.HmacSignatures;
import io.salespulse.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Signs and posts webhooks the way the platforms do, and waits for the worker to settle a delivery. */
public final class Webhooks {
    /** The fake secrets of the %test profile (application.properties). */
    public static final String SHOP = "test-shop.myshopify.com";
    public static final String SHOPIFY_SECRET = "fake-shopify-secret-current";
    public static final String SHOPIFY_PREVIOUS_SECRET = "fake-shopify-secret-previous";
    public static final String WOO_SITE = "https://shop.example.com/";
    public static final String WOO_SECRET = "fake-woocommerce-secret";
    public static final String DEMO_MARKET_SECRET = "fake-demo-market-secret";
    private static final String MANAGER = TestTokens.bearer("manager", "manager");

    private Webhooks() {
    }

    /** A Shopify delivery: X-Shopify-* headers, base64 HMAC-SHA256 of the exact body bytes. */
    public static Response shopify(String topic, byte[] body, String eventId, String secret) {
        return given()
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", SHOP)
                .header("X-Shopify-Hmac-Sha256", HmacSignatures.sign(secret, body, HmacSignatures.Encoding.BASE64))
                .header("X-Shopify-API-Version", "2025-10")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .contentType("application/json")
                .body(body)
                .when().post("/webhooks/shopify").andReturn();
    }

    public static Response wooCommerce(String topic, byte[] body, String deliveryId) {
        return given()
                .header("X-WC-Webhook-Source", WOO_SITE)
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", "order")
                .header("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1))
                .header("X-WC-Webhook-Signature", HmacSignatures.sign(WOO_SECRET, body, HmacSignatures.Encoding.BASE64))
                .header("X-WC-Webhook-ID", "12")
                .header("X-WC-Webhook-Delivery-ID", deliveryId)
                .header("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7)")
                .contentType("application/json")
                .body(body)
                .when().post("/webhooks/woocommerce").andReturn();
    }

    public static Response demoMarket(byte[] body, String deliveryId) {
        return given()
                .header("X-DemoMarket-Signature", "sha256="
                        + HmacSignatures.sign(DEMO_MARKET_SECRET, body, HmacSignatures.Encoding.HEX))
                .header("X-DemoMarket-Delivery", deliveryId)
                .contentType("application/json")
                .body(body)
                .when().post("/webhooks/marketplace/demo-market").andReturn();
    }

    /** The delivery once the worker has settled it (status no longer PENDING), as GET /ingest/webhooks/... shows it. */
    public static Map<String, Object> settled(String deliveryId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Map<String, Object> delivery = given().header("Authorization", MANAGER)
                    .when().get("/ingest/webhooks/deliveries/" + deliveryId)
                    .then().statusCode(200).extract().jsonPath().getMap("");
            if (!"PENDING".equals(delivery.get("status"))) {
                return delivery;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Delivery " + deliveryId + " still PENDING: " + delivery);
            }
            sleep(100);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
