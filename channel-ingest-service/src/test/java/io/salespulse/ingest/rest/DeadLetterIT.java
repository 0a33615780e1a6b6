package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.TopicReader;
import io.salespulse.ingest.Webhooks;
import io.salespulse.ingest.domain.webhook.ShopifyMapper;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Dead letters of the whole platform, read from sales.deadletter.v1 as order-service and inventory-service write them,
 * listed and replayed; and this service's own webhook dead letters, re-mapped on replay.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeadLetterIT {
    private static final String ADMIN = TestTokens.bearer("admin", "admin");
    private static final String MANAGER = TestTokens.bearer("manager", "manager");

    @Test
    void aSaleRejectedForAnUnknownSkuIsListedAndReplayedWithTheSameEventOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        String externalId = "WEB-" + UUID.randomUUID();
        String key = "WEB:webshop:main:" + externalId;
        String sale = """
                {"eventId":"%s","type":"SALE","channel":"WEB","source":"webshop:main","externalId":"%s",
                 "locationId":"WEB-FC","occurredAt":"2026-03-14T10:00:00Z","currency":"EUR",
                 "lines":[{"sku":"SKU-NOT-YET-IN-CATALOG","quantity":1,"unitPrice":"4.20"}]}"""
                .formatted(eventId, externalId).replace("\n", "");
        Contracts.assertValid("sales.events.v1/sale-event", sale);
        long offset = ThreadLocalRandom.current().nextLong(1_000_000);
        Map<String, String> headers = Map.of(CloudEvents.ID, eventId.toString(),
                CloudEvents.TYPE, "io.salespulse.sale-event.v1");
        DeadLetter byOrders = DeadLetter.ofRecord("order-service", Topics.SALES_EVENTS, 1, offset, key,
                sale.getBytes(StandardCharsets.UTF_8), headers, "unknown sku SKU-NOT-YET-IN-CATALOG");
        DeadLetter byInventory = DeadLetter.ofRecord("inventory-service", Topics.SALES_EVENTS, 1, offset, key,
                sale.getBytes(StandardCharsets.UTF_8), headers, "unknown product SKU-NOT-YET-IN-CATALOG");
        send(byOrders);
        send(byInventory);
        Map<String, Object> listed = awaitListed(byOrders.id());
        assertThat(listed).containsEntry("source", Topics.SALES_EVENTS).containsEntry("service", "order-service")
                .containsEntry("replayable", true).containsEntry("status", "OPEN");
        awaitListed(byInventory.id());
        Response page = given().header("Authorization", MANAGER).queryParam("source", Topics.SALES_EVENTS)
                .queryParam("limit", 1).when().get("/ingest/deadletters").andReturn();
        page.then().statusCode(200).body("items.size()", equalTo(1));
        given().header("Authorization", MANAGER).queryParam("source", Topics.SALES_EVENTS).queryParam("limit", 1)
                .queryParam("cursor", page.<String>path("nextCursor"))
                .when().get("/ingest/deadletters")
                .then().statusCode(200)
                .body("items[0].id", not(equalTo(page.path("items[0].id"))));
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        given().header("Authorization", ADMIN)
                .when().post("/ingest/deadletters/" + byOrders.id() + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("action", equalTo("REPUBLISHED"))
                .body("eventIds", equalTo(List.of(eventId.toString())));

        var republished = TopicReader.since(mark).stream().filter(r -> key.equals(r.key())).toList();
        assertThat(republished).as("published once, although two consumers rejected it").hasSize(1);
        assertThat(republished.get(0).key()).isEqualTo(key);
        assertThat(republished.get(0).value()).isEqualTo(sale);
        assertThat(CloudEvents.header(republished.get(0).headers(), CloudEvents.ID)).isEqualTo(eventId.toString());
        given().header("Authorization", MANAGER).when().get("/ingest/deadletters/" + byInventory.id())
                .then().statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("replayedBy", equalTo("api:admin"));
        given().header("Authorization", ADMIN)
                .when().post("/ingest/deadletters/" + byOrders.id() + "/replay")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void managersListButOnlyAdminsReplay() {
        UUID unknown = UUID.randomUUID();
        given().header("Authorization", MANAGER).when().post("/ingest/deadletters/" + unknown + "/replay")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst", "analyst")).when().get("/ingest/deadletters")
                .then().statusCode(403);
        given().when().get("/ingest/deadletters").then().statusCode(401);
        given().header("Authorization", ADMIN).when().post("/ingest/deadletters/" + unknown + "/replay")
                .then().statusCode(404);
        given().header("Authorization", MANAGER).queryParam("status", "maybe").when().get("/ingest/deadletters")
                .then().statusCode(400);
    }

    @Test
    void whatThisServiceCannotReplayIsRefusedAndStaysOpen() throws Exception {
        DeadLetter analytics = DeadLetter.ofRecord("analytics-service", Topics.ORDERS_RECORDED, 0, 7, "order-1",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "window closed");
        send(analytics);
        awaitListed(analytics.id());

        given().header("Authorization", ADMIN).when().post("/ingest/deadletters/" + analytics.id() + "/replay")
                .then().statusCode(422).body("detail", containsString(Topics.ORDERS_RECORDED));

        given().header("Authorization", MANAGER).when().get("/ingest/deadletters/" + analytics.id())
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("replayable", equalTo(false))
                .body("lastReplayError", containsString("cannot be replayed"));
    }

    /**
     * A Shopify order stamped a few seconds ahead of our clock (the platform's clock runs fast) is dead-lettered as
     * "in the future"; once our clock has caught up, the replay maps the stored, redacted body again and publishes it.
     */
    @Test
    void aWebhookDeadLetterIsMappedAgainOnReplayOnceItsCauseIsGone() throws Exception {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        order.put("id", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
        Instant stamped = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        order.put("processed_at", stamped.toString());
        Response answer = Webhooks.shopify(ShopifyMapper.ORDERS_CREATE, Samples.bytes(order),
                UUID.randomUUID().toString(), Webhooks.SHOPIFY_SECRET);
        String deliveryId = answer.path("deliveryId");
        assertThat(Webhooks.settled(deliveryId)).containsEntry("status", "DEAD_LETTERED");
        UUID deadLetterId = UUID.nameUUIDFromBytes(("webhook-delivery:" + deliveryId).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitListed(deadLetterId).get("reason").toString()).contains("in the future");
        while (Instant.now().isBefore(stamped.minusSeconds(4))) {
            Webhooks.sleep(200);
        }
        Map<TopicPartition, Long> mark = TopicReader.mark(Topics.SALES_EVENTS);

        Response replay = given().header("Authorization", ADMIN)
                .when().post("/ingest/deadletters/" + deadLetterId + "/replay").andReturn();

        replay.then().statusCode(200).body("action", equalTo("REPROCESSED"));
        String eventId = replay.<List<String>>path("eventIds").get(0);
        var records = TopicReader.withId(mark, eventId);
        assertThat(records).hasSize(1);
        Contracts.assertValid("sales.events.v1/sale-event", records.get(0).value());
        assertThat(records.get(0).value()).contains("\"customerRef\":\"cus_", "SKU-MUG-LOGO");
        assertThat(Webhooks.settled(deliveryId)).containsEntry("status", "PROCESSED")
                .containsEntry("eventIds", List.of(eventId));
    }

    private static Map<String, Object> awaitListed(UUID id) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Response response = given().header("Authorization", MANAGER).when().get("/ingest/deadletters/" + id);
            if (response.statusCode() == 200) {
                return response.jsonPath().getMap("");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Dead letter " + id + " never listed: " + response.asString());
            }
            Webhooks.sleep(200);
        }
    }

    private static void send(DeadLetter deadLetter) throws Exception {
        String json = Samples.JSON.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(deadLetter);
        Contracts.assertValid("sales.deadletter.v1/dead-letter", json);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEAD_LETTER, deadLetter.source(), json);
            record.headers().add(CloudEvents.ID, deadLetter.id().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvents.TYPE, DeadLetter.EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
