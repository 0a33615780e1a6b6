package io.salespulse.inventory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.inventory.support.KafkaRecorder;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.inventory.support.SalesProducer;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static io.salespulse.inventory.support.TestCatalog.onHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Stock moved by sale events from Kafka and by managers' adjustments, against real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StockIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static SalesProducer sales;
    private static KafkaRecorder levels;
    private static KafkaRecorder deadLetters;

    @BeforeAll
    static void connect() {
        sales = new SalesProducer();
        levels = KafkaRecorder.of(Topics.INVENTORY_LEVELS);
        deadLetters = KafkaRecorder.of(Topics.DEAD_LETTER);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        sales.close();
        levels.close();
        deadLetters.close();
    }

    @Test
    void aSaleDeliveredTwiceDecrementsOnce() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 100);
        SaleEvents sale = SaleEvents.aSale(store).line(product, 3);

        sales.send(sale);
        sales.send(sale);
        // Same key, same partition: once the next sale shows, the redelivered one has been processed too.
        sales.send(SaleEvents.aSale(store).line(product, 1).withKeyOf(sale));

        await().atMost(PATIENCE).until(() -> Integer.valueOf(96).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/movements")
                .then().statusCode(200)
                .body("totalItems", is(3))
                .body("items.cause", contains("SALE", "SALE", "RECEIPT"))
                .body("items.quantity", containsInAnyOrder(-1, -3, 100));
    }

    @Test
    void aReturnRestocksAndEveryNewLevelIsPublished() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 10);
        SaleEvents sale = SaleEvents.aSale(store).line(product, 4);
        sales.send(sale);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(6).equals(onHand(product, store)));

        sales.send(SaleEvents.aReturn(store, sale.eventId()).line(product, 3));

        await().atMost(PATIENCE).until(() -> Integer.valueOf(9).equals(onHand(product, store)));
        String key = product + "@" + store;
        await().atMost(PATIENCE).until(() -> levels.withKey(key).size() == 3);
        List<KafkaRecorder.Received> published = levels.withKey(key);
        published.forEach(r -> Contracts.assertValid("inventory.levels.v1/stock-level", r.value()));
        assertThat(published).extracting(r -> r.json().get("onHand").asInt()).containsExactly(10, 6, 9);
        assertThat(published.get(2).json().get("causeEventId").isNull()).isFalse();
        assertThat(published.get(1).json().get("causeEventId").asText()).isEqualTo(sale.eventId());
        assertThat(published.get(2).ceType()).isEqualTo("io.salespulse.stock-level.v1");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("salespulse_stock_movements_total{cause=\"RETURN\""))
                .body(containsString("salespulse_stock_batch_apply_seconds_count"));
    }

    @Test
    void concurrentSalesFromTwoPartitionsAndAdjustmentsLeaveTheExactLevel() throws Exception {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 1000);
        int perPartition = 100;
        int damages = 20;

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int partition = 0; partition < 2; partition++) {
                int p = partition;
                work.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perPartition; i++) {
                        sales.send(SaleEvents.aSale(store).line(product, 1), p);
                    }
                }, pool));
            }
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < damages; i++) {
                    TestCatalog.adjust("DAMAGE", product, store, 1);
                }
            }, pool));
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        int expected = 1000 - 2 * perPartition - damages;
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(expected).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/movements")
                .then().statusCode(200).body("totalItems", is(1 + 2 * perPartition + damages));
    }

    @Test
    void salesNamingProductsBySkuOrGtinMoveTheirStockAndOversellingIsRecorded() {
        String product = TestCatalog.product();
        Map<String, Object> details = given().header("Authorization", CLERK).when().get("/products/{id}", product)
                .then().extract().as(Map.class);
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 2);

        sales.send(SaleEvents.aSale(store).lineBySku((String) details.get("sku"), 1)
                .lineByGtin((String) details.get("gtin"), 3));

        await().atMost(PATIENCE).until(() -> Integer.valueOf(-2).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("status", "OVERSOLD")
                .when().get("/inventory")
                .then().statusCode(200)
                .body("items[0].status", is("OVERSOLD")).body("items[0].oversold", is(true))
                .body("items[0].available", is(-2));
    }

    @Test
    void whatCannotBeAppliedGoesToTheDeadLetterTopicWithTheReason() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 50);
        String garbageKey = TestCatalog.uniqueId("garbage");
        SaleEvents partlyUnknown = SaleEvents.aSale(store).line(product, 5).lineBySku("SKU-DOES-NOT-EXIST", 1);
        SaleEvents unknownStore = SaleEvents.aSale("ST-NOWHERE").line(product, 1);

        sales.sendRaw(garbageKey, "{not json".getBytes(StandardCharsets.UTF_8), null, null);
        sales.send(partlyUnknown);
        sales.send(unknownStore);

        await().atMost(PATIENCE).until(() -> deadLetters.matching(r -> r.value().contains(garbageKey)
                || r.value().contains(partlyUnknown.eventId()) || r.value().contains(unknownStore.eventId()))
                .size() == 3);
        for (KafkaRecorder.Received r : deadLetters.matching(r -> r.value().contains(garbageKey))) {
            Contracts.assertValid("sales.deadletter.v1/dead-letter", r.value());
            assertThat(r.key()).isEqualTo(Topics.SALES_EVENTS);
            assertThat(r.json().get("reason").asText()).startsWith("Not JSON");
            assertThat(r.json().get("payload").asText()).isEqualTo("{not json");
            assertThat(r.json().get("service").asText()).isEqualTo("inventory-service");
        }
        assertThat(deadLetters.matching(r -> r.value().contains(partlyUnknown.eventId())))
                .singleElement().satisfies(r -> assertThat(r.json().get("reason").asText())
                        .isEqualTo("Unknown product in line 2 (sku SKU-DOES-NOT-EXIST); the other lines were applied"));
        assertThat(deadLetters.matching(r -> r.value().contains(unknownStore.eventId())))
                .singleElement().satisfies(r -> assertThat(r.json().get("reason").asText())
                        .isEqualTo("Unknown location ST-NOWHERE"));
        assertThat(onHand(product, store)).isEqualTo(45);
    }

    @Test
    void managersCountDamageAndTransferStock() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        String warehouse = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, warehouse, 30);

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "TRANSFER", "productId", product, "locationId", warehouse,
                        "toLocationId", store, "quantity", 12, "note", "weekly replenishment"))
                .when().post("/inventory/adjustments")
                .then().statusCode(201)
                .body("movements.cause", containsInAnyOrder("TRANSFER_OUT", "TRANSFER_IN"))
                .body("movements.user", contains("manager-1", "manager-1"))
                .body("levels.find { it.locationId == '" + store + "' }.onHand", is(12))
                .body("levels.find { it.locationId == '" + warehouse + "' }.onHand", is(18));

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "TRANSFER", "productId", product, "locationId", warehouse,
                        "toLocationId", store, "quantity", 19))
                .when().post("/inventory/adjustments")
                .then().statusCode(409).body("title", is("Insufficient stock"));

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "COUNT", "productId", product, "locationId", store, "quantity", 10))
                .when().post("/inventory/adjustments")
                .then().statusCode(201).body("movements[0].quantity", is(-2)).body("levels[0].onHand", is(10));

        given().header("Authorization", CLERK).contentType(ContentType.JSON)
                .body(Map.of("type", "DAMAGE", "productId", product, "locationId", store, "quantity", 1))
                .when().post("/inventory/adjustments")
                .then().statusCode(403);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "DAMAGE", "productId", "P-NOPE", "locationId", store, "quantity", 1))
                .when().post("/inventory/adjustments")
                .then().statusCode(404);
        assertThat(onHand(product, store)).isEqualTo(10);
        assertThat(onHand(product, warehouse)).isEqualTo(18);
    }
}
