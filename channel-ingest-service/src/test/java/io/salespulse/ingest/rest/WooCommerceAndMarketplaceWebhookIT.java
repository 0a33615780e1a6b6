package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.TopicReader;
import io.salespulse.ingest.Webhooks;
import io.salespulse.ingest.domain.webhook.WooCommerceMapper;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** WooCommerce (your own web shop) and a configured generic marketplace, end to end through Kafka. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WooCommerceAndMarketplaceWebhookIT {

    @Test
    void theUnsignedPingWooCommerceSendsWhenAWebhookIsSavedIsAnswered() {
        given().contentType("application/x-www-form-urlencoded").body("webhook_id=12")
                .header("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7)")
                .when().post("/webhooks/woocommerce")
                .then().statusCode(200).body("status", equalTo("ping"));
    }

    @Test
    void aNewOrderBecomesAWebSaleAndAFullRefundItsReturn() throws Exception {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        int orderId = ThreadLocalRandom.current().nextInt(10_000, 2_000_000_000);
        order.put("id", orderId);
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response created = Webhooks.wooCommerce(WooCommerceMapper.ORDER_CREATED, Samples.bytes(order),
                UUID.randomUUID().toString());

        created.then().statusCode(200).body("status", equalTo("accepted"));
        JsonNode sale = event(mark, Webhooks.settled(created.path("deliveryId")));
        assertThat(sale.get("type").asText()).isEqualTo("SALE");
        assertThat(sale.get("channel").asText()).isEqualTo("WEB");
        assertThat(sale.get("source").asText()).isEqualTo("woocommerce:shop.example.com");
        assertThat(sale.get("externalId").asText()).isEqualTo(Integer.toString(orderId));
        assertThat(sale.get("lines").findValuesAsText("sku")).containsExactly("SKU-ESPRESSO", "SKU-COOKIES-BUTTER");
        assertThat(sale.get("region").asText()).isEqualTo("DE-BW");
        assertThat(sale.get("customerRef").asText()).startsWith("cus_");

        ObjectNode refunded = Samples.json("woocommerce-order-refunded.json");
        refunded.put("id", orderId);
        Response update = Webhooks.wooCommerce(WooCommerceMapper.ORDER_UPDATED, Samples.bytes(refunded),
                UUID.randomUUID().toString());

        update.then().statusCode(200);
        JsonNode giveBack = event(mark, Webhooks.settled(update.path("deliveryId")));
        assertThat(giveBack.get("type").asText()).isEqualTo("RETURN");
        assertThat(giveBack.get("externalId").asText()).isEqualTo(orderId + ":refund:731");
        assertThat(giveBack.get("returnOf").asText()).isEqualTo(Integer.toString(orderId));
    }

    @Test
    void theSameDeliveryIdIsOneDeliveryAndAnUpdateWithoutRefundPublishesNothing() {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        order.put("id", ThreadLocalRandom.current().nextInt(10_000, 2_000_000_000)).put("status", "completed");
        String deliveryId = UUID.randomUUID().toString();

        Response first = Webhooks.wooCommerce(WooCommerceMapper.ORDER_UPDATED, Samples.bytes(order), deliveryId);
        Response again = Webhooks.wooCommerce(WooCommerceMapper.ORDER_UPDATED, Samples.bytes(order), deliveryId);

        again.then().statusCode(200).body("status", equalTo("duplicate"))
                .body("deliveryId", equalTo(first.path("deliveryId")));
        assertThat(Webhooks.settled(first.path("deliveryId"))).containsEntry("status", "IGNORED");
    }

    @Test
    void aWrongWooCommerceSignatureOrAnUnknownSiteIs401() {
        byte[] body = Samples.bytes("woocommerce-order-created.json");

        given().header("X-WC-Webhook-Source", Webhooks.WOO_SITE)
                .header("X-WC-Webhook-Topic", WooCommerceMapper.ORDER_CREATED)
                .header("X-WC-Webhook-Signature", "bm90IHRoZSBzaWduYXR1cmU=")
                .contentType("application/json").body(body)
                .when().post("/webhooks/woocommerce")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-WC-Webhook-Source", "https://evil.example.net/")
                .header("X-WC-Webhook-Topic", WooCommerceMapper.ORDER_CREATED)
                .header("X-WC-Webhook-Signature", "bm90IHRoZSBzaWduYXR1cmU=")
                .contentType("application/json").body(body)
                .when().post("/webhooks/woocommerce")
                .then().statusCode(401);
    }

    @Test
    void aConfiguredMarketplaceNeedsNoCodeItsMappingMakesTheSale() throws Exception {
        ObjectNode order = Samples.json("demo-market-order.json");
        String orderId = "DM-" + UUID.randomUUID();
        ((ObjectNode) order.get("order")).put("id", orderId);
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response answer = Webhooks.demoMarket(Samples.bytes(order), UUID.randomUUID().toString());

        answer.then().statusCode(200).body("status", equalTo("accepted"));
        JsonNode sale = event(mark, Webhooks.settled(answer.path("deliveryId")));
        assertThat(sale.get("channel").asText()).isEqualTo("MARKETPLACE");
        assertThat(sale.get("source").asText()).isEqualTo("marketplace:demo-market");
        assertThat(sale.get("externalId").asText()).isEqualTo(orderId);
        assertThat(sale.get("currency").asText()).isEqualTo("EUR");
        assertThat(sale.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-COLA-330");
        assertThat(sale.get("lines").get(1).get("gtin").asText()).isEqualTo("4006381333931");
        assertThat(sale.get("country").asText()).isEqualTo("AT");
        assertThat(sale.toString()).doesNotContain("Anna", "anna.schmidt", "Lindenweg");
    }

    @Test
    void anUnknownMarketplaceOrAWrongSignatureIs401() {
        byte[] body = Samples.bytes("demo-market-order.json");

        given().header("X-DemoMarket-Signature", "sha256=00").contentType("application/json").body(body)
                .when().post("/webhooks/marketplace/demo-market")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Signature", "abc").contentType("application/json").body(body)
                .when().post("/webhooks/marketplace/no-such-market")
                .then().statusCode(401);
    }

    private static JsonNode event(Map<TopicPartition, Long> mark, Map<String, Object> delivery) throws Exception {
        assertThat(delivery).containsEntry("status", "PROCESSED");
        @SuppressWarnings("unchecked")
        List<String> eventIds = (List<String>) delivery.get("eventIds");
        List<ConsumerRecord<String, String>> records = TopicReader.withId(mark, eventIds.get(0));
        assertThat(records).hasSize(1);
        Contracts.assertValid("sales.events.v1/sale-event", records.get(0).value());
        return Samples.JSON.readTree(records.get(0).value());
    }
}
