package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.Response;
import io.salespulse.ingest.CustomerStoreFake;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.TopicReader;
import io.salespulse.ingest.Webhooks;
import io.salespulse.ingest.domain.webhook.HmacSignatures;
import io.salespulse.ingest.domain.webhook.ShopifyMapper;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Signed Shopify webhooks against the real broker and database: what reaches Kafka, and what never does. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ShopifyWebhookIT {
    private static final String SOURCE = "shopify:" + Webhooks.SHOP;

    @Inject
    DataSource dataSource;

    @Test
    void aSignedOrderIsAnsweredAtOnceAndBecomesAContractValidMarketplaceSale() throws Exception {
        ObjectNode order = anOrder();
        byte[] body = Samples.bytes(order);
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response answer = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, UUID.randomUUID().toString(),
                Webhooks.SHOPIFY_SECRET);

        answer.then().statusCode(200).body("status", equalTo("accepted"));
        Map<String, Object> delivery = Webhooks.settled(answer.path("deliveryId"));
        assertThat(delivery).containsEntry("status", "PROCESSED").containsEntry("verification", "SECRET_1");
        ConsumerRecord<String, String> record = single(mark, delivery);
        assertThat(record.key()).isEqualTo("MARKETPLACE:" + SOURCE + ":" + order.get("id").asText());
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).isEqualTo("io.salespulse.sale-event.v1");
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        JsonNode event = Samples.JSON.readTree(record.value());
        assertThat(event.get("type").asText()).isEqualTo("SALE");
        assertThat(event.get("channel").asText()).isEqualTo("MARKETPLACE");
        assertThat(event.get("source").asText()).isEqualTo(SOURCE);
        assertThat(event.get("locationId").asText()).isEqualTo("WEB-FC");
        assertThat(event.get("lines").findValuesAsText("sku")).containsExactly("SKU-MUG-LOGO", "SKU-TSHIRT-LOGO");
        assertThat(event.get("lines").findValuesAsText("unitPrice")).containsExactly("12.50", "19.90");
        assertThat(event.get("country").asText()).isEqualTo("IT");
        assertThat(event.get("region").asText()).isEqualTo("IT-MI");
        assertThat(event.get("discountTotal").asText()).isEqualTo("4.49");
        assertThat(event.get("taxTotal").asText()).isEqualTo("7.40");
        assertThat(event.get("shippingTotal").asText()).isEqualTo("4.90");
        assertThat(event.get("customerRef").asText()).startsWith("cus_");
        assertNoPersonalData(record.value());
        assertNoPersonalData(storedBody(answer.path("deliveryId")));
    }

    @Test
    void theCustomersPersonalDataGoesToTheCustomerStoreWithTheServicesOwnToken() throws Exception {
        ObjectNode order = anOrder();
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response answer = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, Samples.bytes(order),
                UUID.randomUUID().toString(), Webhooks.SHOPIFY_SECRET);

        answer.then().statusCode(200);
        String customerRef = Samples.JSON.readTree(single(mark, Webhooks.settled(answer.path("deliveryId"))).value())
                .get("customerRef").asText();
        List<LoggedRequest> handedOver = CustomerStoreFake.server().findAll(
                putRequestedFor(urlEqualTo("/privacy/customers/" + customerRef)));
        assertThat(handedOver).isNotEmpty();
        LoggedRequest request = handedOver.get(handedOver.size() - 1);
        assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
        JsonNode personal = Samples.JSON.readTree(request.getBodyAsString());
        assertThat(personal.get("source").asText()).isEqualTo(SOURCE);
        assertThat(personal.get("externalId").asText()).isEqualTo(order.get("id").asText());
        assertThat(personal.get("firstName").asText()).isEqualTo("Giulia");
        assertThat(personal.get("email").asText()).isEqualTo("giulia.rossi@example.com");
        assertThat(personal.get("shippingAddress").isObject()).isTrue();
    }

    @Test
    void whenTheCustomerStoreCannotTakeTheDataTheDeliveryIs503AndNotRecordedSoShopifyRedelivers() throws Exception {
        ObjectNode order = anOrder();
        order.put("email", CustomerStoreFake.REFUSED_EMAIL).put("contact_email", CustomerStoreFake.REFUSED_EMAIL);
        ((ObjectNode) order.get("customer")).put("email", CustomerStoreFake.REFUSED_EMAIL);
        byte[] body = Samples.bytes(order);

        Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, UUID.randomUUID().toString(), Webhooks.SHOPIFY_SECRET)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());

        assertThat(storedWithHash(body)).isZero();
    }

    @Test
    void aRedeliveryIsAnswered200WithoutASecondEventAndSoIsTheSameOrderUnderAnotherEventId() {
        byte[] body = Samples.bytes(anOrder());
        String eventId = UUID.randomUUID().toString();
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response first = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, eventId, Webhooks.SHOPIFY_SECRET);
        Response again = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, eventId, Webhooks.SHOPIFY_SECRET);
        Map<String, Object> delivery = Webhooks.settled(first.path("deliveryId"));
        Response otherSubscription = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, UUID.randomUUID().toString(),
                Webhooks.SHOPIFY_SECRET);

        first.then().statusCode(200).body("status", equalTo("accepted"));
        again.then().statusCode(200).body("status", equalTo("duplicate"))
                .body("deliveryId", equalTo(first.path("deliveryId")));
        otherSubscription.then().statusCode(200).body("status", equalTo("accepted"));
        Map<String, Object> second = Webhooks.settled(otherSubscription.path("deliveryId"));
        assertThat(second).containsEntry("status", "DUPLICATE").containsEntry("eventIds", delivery.get("eventIds"));
        assertThat(Webhooks.settled(first.path("deliveryId"))).containsEntry("redeliveries", 1);
        single(mark, delivery);
    }

    @Test
    void aWrongSignatureIs401AndNothingIsStored() throws Exception {
        byte[] body = Samples.bytes(anOrder());

        Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, body, UUID.randomUUID().toString(), "not-the-shop-secret")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("signature"));
        given().header("X-Shopify-Topic", ShopifyMapper.ORDERS_CREATE)
                .header("X-Shopify-Shop-Domain", Webhooks.SHOP)
                .contentType("application/json").body(body)
                .when().post("/webhooks/shopify")
                .then().statusCode(401);

        assertThat(storedWithHash(body)).isZero();
        given().when().get("/q/metrics").then()
                .body(containsString("salespulse_webhooks_received_total{channel=\"shopify\",outcome=\"bad_signature\""))
                .body(containsString("salespulse_webhooks_received_total{channel=\"shopify\",outcome=\"missing_signature\""));
    }

    @Test
    void anUnknownShopIs401EvenWithASignature() throws Exception {
        byte[] body = Samples.bytes(anOrder());

        given().header("X-Shopify-Topic", ShopifyMapper.ORDERS_CREATE)
                .header("X-Shopify-Shop-Domain", "someone-else.myshopify.com")
                .header("X-Shopify-Hmac-Sha256", HmacSignatures.sign(
                        Webhooks.SHOPIFY_SECRET, body, HmacSignatures.Encoding.BASE64))
                .contentType("application/json").body(body)
                .when().post("/webhooks/shopify")
                .then().statusCode(401).contentType("application/problem+json");

        assertThat(storedWithHash(body)).isZero();
    }

    @Test
    void duringARotationThePreviousSecretStillWorksAndTheDeliverySaysSo() {
        Response answer = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, Samples.bytes(anOrder()),
                UUID.randomUUID().toString(), Webhooks.SHOPIFY_PREVIOUS_SECRET);

        answer.then().statusCode(200);
        assertThat(Webhooks.settled(answer.path("deliveryId"))).containsEntry("verification", "SECRET_2")
                .containsEntry("status", "PROCESSED");
    }

    @Test
    void aRefundBecomesAReturnOfTheOrder() throws Exception {
        ObjectNode order = anOrder();
        Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, Samples.bytes(order), UUID.randomUUID().toString(),
                Webhooks.SHOPIFY_SECRET).then().statusCode(200);
        ObjectNode refund = Samples.json("shopify-refunds-create.json");
        refund.put("order_id", order.get("id").asLong());
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response answer = Webhooks.shopify(ShopifyMapper.REFUNDS_CREATE, Samples.bytes(refund),
                UUID.randomUUID().toString(), Webhooks.SHOPIFY_SECRET);

        answer.then().statusCode(200);
        ConsumerRecord<String, String> record = single(mark, Webhooks.settled(answer.path("deliveryId")));
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        JsonNode event = Samples.JSON.readTree(record.value());
        assertThat(event.get("type").asText()).isEqualTo("RETURN");
        assertThat(event.get("externalId").asText()).isEqualTo(order.get("id").asText() + ":refund:1034567890123");
        assertThat(event.get("returnOf").asText()).isEqualTo(order.get("id").asText());
        assertThat(event.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-MUG-LOGO");
    }

    @Test
    void anOrderLineWithoutSkuIsDeadLetteredRedactedAndListed() throws Exception {
        ObjectNode order = anOrder();
        ((ObjectNode) order.get("line_items").get(1)).putNull("sku");
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.DEAD_LETTER);

        Response answer = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, Samples.bytes(order),
                UUID.randomUUID().toString(), Webhooks.SHOPIFY_SECRET);

        answer.then().statusCode(200);
        String deliveryId = answer.path("deliveryId");
        assertThat(Webhooks.settled(deliveryId)).containsEntry("status", "DEAD_LETTERED");
        String admin = TestTokens.bearer("admin", "admin");
        List<Map<String, Object>> listed = given().header("Authorization", admin)
                .queryParam("source", SOURCE)
                .when().get("/ingest/deadletters")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> deadLetter = listed.stream().filter(d -> deliveryId.equals(d.get("deliveryId")))
                .findFirst().orElseThrow();
        assertThat(deadLetter).containsEntry("status", "OPEN").containsEntry("channel", "shopify")
                .containsEntry("replayable", true);
        assertThat((String) deadLetter.get("reason")).contains("no SKU");
        String payload = given().header("Authorization", admin)
                .when().get("/ingest/deadletters/" + deadLetter.get("id"))
                .then().statusCode(200).extract().path("payload");
        assertThat(payload).contains("SKU-MUG-LOGO");
        assertNoPersonalData(payload);
        List<ConsumerRecord<String, String>> onKafka = TopicReader.withId(mark, deadLetter.get("id"));
        assertThat(onKafka).hasSize(1);
        assertThat(onKafka.get(0).key()).isEqualTo(SOURCE);
        Contracts.assertValid("sales.deadletter.v1/dead-letter", onKafka.get(0).value());
        assertNoPersonalData(onKafka.get(0).value());
    }

    @Test
    void aStrayBearerTokenIsNotJudgedTheSignatureIs() {
        given().header("Authorization", "Bearer not-a-keycloak-token")
                .header("X-Shopify-Topic", "orders/updated")
                .header("X-Shopify-Shop-Domain", Webhooks.SHOP)
                .header("X-Shopify-Hmac-Sha256", HmacSignatures.sign(
                        Webhooks.SHOPIFY_SECRET, "{}".getBytes(StandardCharsets.UTF_8),
                        HmacSignatures.Encoding.BASE64))
                .contentType("application/json").body("{}")
                .when().post("/webhooks/shopify")
                .then().statusCode(200).body("status", equalTo("ignored"));
    }

    @Test
    void aBodyAboveOneMegabyteIsRefusedBeforeItIsRead() {
        given().header("X-Shopify-Topic", ShopifyMapper.ORDERS_CREATE)
                .header("X-Shopify-Shop-Domain", Webhooks.SHOP)
                .contentType("application/json").body("{\"note\":\"" + "x".repeat(1_100_000) + "\"}")
                .when().post("/webhooks/shopify")
                .then().statusCode(413).contentType("application/problem+json");
    }

    /** The documented sample with an order id of its own. */
    private static ObjectNode anOrder() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        order.put("id", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
        return order;
    }

    private static ConsumerRecord<String, String> single(Map<TopicPartition, Long> mark, Map<String, Object> delivery) {
        @SuppressWarnings("unchecked")
        List<String> eventIds = (List<String>) delivery.get("eventIds");
        assertThat(eventIds).hasSize(1);
        List<ConsumerRecord<String, String>> records = TopicReader.withId(mark, eventIds.get(0));
        assertThat(records).as("exactly one event on " + Topics.SALES_EVENTS).hasSize(1);
        return records.get(0);
    }

    private static void assertNoPersonalData(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String personal : Samples.PERSONAL) {
            assertThat(lower).doesNotContain(personal.toLowerCase(Locale.ROOT));
        }
    }

    private String storedBody(String deliveryId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT body FROM webhook_deliveries WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(deliveryId));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private int storedWithHash(byte[] body) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM webhook_deliveries WHERE body_sha256 = ?")) {
            statement.setString(1, sha);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
