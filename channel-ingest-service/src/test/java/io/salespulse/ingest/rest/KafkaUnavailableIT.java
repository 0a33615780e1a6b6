package io.salespulse.ingest.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.salespulse.ingest.Orders;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.Webhooks;
import io.salespulse.ingest.domain.webhook.HmacSignatures;
import io.salespulse.ingest.domain.webhook.ShopifyMapper;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The sale-events channel points at a port nobody listens on (the shared broker cannot be stopped for one test):
 * no acknowledgement means no 202, but a quick 503 with Retry-After, and the failed attempt does not block the retry.
 * Webhooks, in contrast, are still answered 200 at once: they are recorded and published when Kafka is back. This
 * profile also reads its Shopify secret from a secrets file (salespulse.secrets-file), as production would.
 */
@QuarkusTest
@TestProfile(KafkaUnavailableIT.BrokerAway.class)
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class KafkaUnavailableIT {

    public static class BrokerAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.sale-events.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "salespulse.secrets-file", secretsFile());
        }

        /** A shop known only from the secrets file. */
        private static String secretsFile() {
            try {
                Path file = Files.createTempFile("salespulse-secrets", ".properties");
                file.toFile().deleteOnExit();
                Files.writeString(file, "salespulse.shopify.secrets=" + FILE_SHOP + "=" + FILE_SECRET + "\n");
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String FILE_SHOP = "file-shop.myshopify.com";
    static final String FILE_SECRET = "fake-secret-from-a-secrets-file";

    @Inject
    DataSource dataSource;

    @Test
    void aWebhookIsStillAcceptedAtOnceAndWaitsForKafkaWithoutBeingLost() {
        byte[] body = Samples.bytes("shopify-orders-create.json");

        long started = System.nanoTime();
        Response answer = given().header("X-Shopify-Topic", ShopifyMapper.ORDERS_CREATE)
                .header("X-Shopify-Shop-Domain", FILE_SHOP)
                .header("X-Shopify-Hmac-Sha256", HmacSignatures.sign(FILE_SECRET, body, HmacSignatures.Encoding.BASE64))
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .contentType("application/json").body(body)
                .when().post("/webhooks/shopify").andReturn();

        answer.then().statusCode(200).body("status", equalTo("accepted"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        String manager = TestTokens.bearer("manager", "manager");
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Object> delivery;
        do {
            Webhooks.sleep(200);
            delivery = given().header("Authorization", manager)
                    .when().get("/ingest/webhooks/deliveries/" + answer.path("deliveryId"))
                    .then().statusCode(200).extract().jsonPath().getMap("");
        } while ((Integer) delivery.get("attempts") == 0 && Instant.now().isBefore(deadline));
        assertThat(delivery).as("kept for a retry, not dead-lettered").containsEntry("status", "PENDING");
        assertThat((Integer) delivery.get("attempts")).isPositive();
        assertThat((String) delivery.get("note")).contains("not acknowledged");
    }

    @Test
    void withoutAKafkaAckTheOrderIsRefusedWith503AndRetryAfterWithinSeconds() throws SQLException {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Orders.aSimpleSale();

        long started = System.nanoTime();
        post(order, key).then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .header("Retry-After", "5");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));

        assertThat(status(key)).isEqualTo("FAILED");
        // The failed attempt does not hold the key: the retry takes over (and fails again, the broker is still away)
        // instead of being told the request is in progress.
        post(order, key).then().statusCode(503).header("Retry-After", "5");
    }

    private static io.restassured.response.Response post(Map<String, Object> order, String idempotencyKey) {
        return given().header("Authorization", TestTokens.bearer("clerk", "clerk"))
                .header(OrderResource.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(ContentType.JSON).body(order)
                .when().post("/orders").andReturn();
    }

    private String status(String idempotencyKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT status FROM idempotency_keys WHERE key = ?")) {
            statement.setString(1, "idempotency-key:" + idempotencyKey);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
