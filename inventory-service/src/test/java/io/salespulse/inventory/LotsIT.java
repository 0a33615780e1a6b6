package io.salespulse.inventory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.salespulse.inventory.domain.Lot;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.inventory.support.SalesProducer;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static io.salespulse.inventory.support.TestCatalog.onHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Lots with expiry: FEFO consumption by real sale events, the expiring list, the expiry sweep, write-offs. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LotsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ANALYST = TestTokens.bearer("analyst-1", "analyst");
    private static SalesProducer sales;

    @Inject
    LotService lots;

    @BeforeAll
    static void connect() {
        sales = new SalesProducer();
    }

    @AfterAll
    static void disconnect() {
        sales.close();
    }

    @Test
    void salesFromKafkaConsumeLotsFirstExpiryFirstOut() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        receive(product, store, 5, "LATE", today.plusDays(30)).statusCode(201);
        receive(product, store, 3, "SOON", today.plusDays(5)).statusCode(201)
                .body("movements[0].lots[0].lotCode", is("SOON")).body("movements[0].lots[0].quantity", is(3));
        receive(product, store, 4, "UNDATED", null).statusCode(201);
        TestCatalog.adjust("RECEIPT", product, store, 2);
        // One key, one partition: the sales arrive in this order, most likely in one poll batch, where they are
        // allocated in event time order.
        Instant at = Instant.now().minusSeconds(10);
        SaleEvents first = SaleEvents.aSale(store).line(product, 2).occurredAt(at);
        SaleEvents second = SaleEvents.aSale(store).line(product, 2).occurredAt(at.plusSeconds(1)).withKeyOf(first);
        sales.send(first);
        sales.send(second);
        sales.send(SaleEvents.aSale(store).line(product, 3).occurredAt(at.plusSeconds(2)).withKeyOf(first));

        await().atMost(PATIENCE).until(() -> Integer.valueOf(7).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/lots")
                .then().statusCode(200)
                .body("items.lotCode", contains("LATE", "UNDATED"))
                .body("items.quantityOnHand", contains(1, 4))
                .body("items[0].daysToExpiry", is(30)).body("items[0].expired", is(false))
                .body("items[1].expiresOn", nullValue());
        Map<String, Integer> lotIds = lotIds(product, store);
        given().header("Authorization", ANALYST).queryParam("lotId", lotIds.get("SOON"))
                .when().get("/inventory/movements")
                .then().statusCode(200)
                .body("totalItems", is(3))
                .body("items.find { it.cause == 'RECEIPT' }.lots.quantity", contains(3))
                .body("items.find { it.eventId == '" + first.eventId() + "' }.lots.quantity", contains(-2))
                .body("items.find { it.eventId == '" + second.eventId() + "' }.lots.lotCode", contains("SOON", "LATE"))
                .body("items.find { it.eventId == '" + second.eventId() + "' }.lots.quantity", contains(-1, -1));

        // Beyond the lots: the last units come from unlotted stock, then the level is oversold; the next receipt into
        // a lot first makes up for the oversold units, so the lots never hold more than is on hand.
        sales.send(SaleEvents.aSale(store).line(product, 9).withKeyOf(first));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(-2).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/lots").then().statusCode(200).body("totalItems", is(0));
        receive(product, store, 6, "FRESH", today.plusDays(60)).statusCode(201)
                .body("movements[0].lots[0].quantity", is(4)).body("levels[0].onHand", is(4));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("includeEmpty", true)
                .when().get("/inventory/lots")
                .then().statusCode(200)
                .body("items.lotCode", contains("SOON", "LATE", "FRESH", "UNDATED"))
                .body("items.quantityOnHand", contains(0, 0, 4, 0));
    }

    @Test
    void expiringListsLotsDueOrExpiredAndExpiredLotsAreFlaggedAndWrittenOff() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        receive(product, store, 2, "GONE", today.minusDays(2)).statusCode(201);
        receive(product, store, 5, "DUE", today.plusDays(3)).statusCode(201);
        receive(product, store, 8, "LATER", today.plusDays(20)).statusCode(201);
        receive(product, store, 1, "NEVER", null).statusCode(201);

        given().header("Authorization", CLERK).queryParam("days", 7).queryParam("locationId", store)
                .when().get("/inventory/expiring")
                .then().statusCode(200)
                .body("items.lotCode", contains("GONE", "DUE"))
                .body("items.expired", contains(true, false))
                .body("items.daysToExpiry", contains(-2, 3))
                .body("items[0].expiredFlaggedAt", nullValue());
        given().header("Authorization", ANALYST).queryParam("days", 30).queryParam("productId", product)
                .when().get("/inventory/expiring")
                .then().statusCode(200).body("items.lotCode", contains("GONE", "DUE", "LATER"));
        given().header("Authorization", TestCatalog.DEVICE).when().get("/inventory/expiring").then().statusCode(403);
        given().header("Authorization", CLERK).queryParam("days", -1).when().get("/inventory/expiring")
                .then().statusCode(400);

        // The sweep flags it (all instances may sweep: a flagged lot is not flagged again).
        Instant now = Instant.now();
        assertThat(lots.flagExpired(now, 10_000)).filteredOn(lot -> lot.level().productId().equals(product))
                .extracting(Lot::lotCode).containsExactly("GONE");
        assertThat(lots.flagExpired(now, 10_000)).filteredOn(lot -> lot.level().productId().equals(product))
                .isEmpty();
        given().header("Authorization", CLERK).queryParam("days", 0).queryParam("productId", product)
                .when().get("/inventory/expiring")
                .then().statusCode(200).body("items.lotCode", contains("GONE"))
                .body("items[0].expiredFlaggedAt", notNullValue());

        // A manager writes the expired lot off; more than it holds is refused, and lot codes keep their expiry.
        writeOff(product, store, 3, "GONE").statusCode(409).body("title", is("Insufficient stock in lot"));
        writeOff(product, store, 1, "NOPE").statusCode(404);
        receive(product, store, 1, "DUE", today.plusDays(4)).statusCode(409).body("title", is("Lot expiry mismatch"));
        writeOff(product, store, 2, "GONE").statusCode(201)
                .body("movements[0].lots[0].lotCode", is("GONE")).body("levels[0].onHand", is(14));
        given().header("Authorization", CLERK).queryParam("days", 7).queryParam("locationId", store)
                .when().get("/inventory/expiring")
                .then().statusCode(200).body("items.lotCode", contains("DUE"));
        assertThat(onHand(product, store)).isEqualTo(14);
    }

    @Test
    void transfersKeepTheLotsOfTheUnitsTheyMove() {
        String product = TestCatalog.product();
        String warehouse = TestCatalog.store();
        String store = TestCatalog.store();
        LocalDate expiry = LocalDate.now().plusDays(10);
        receive(product, warehouse, 4, "A", expiry).statusCode(201);
        receive(product, warehouse, 6, "B", expiry.plusDays(10)).statusCode(201);

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "TRANSFER", "productId", product, "locationId", warehouse,
                        "toLocationId", store, "quantity", 7))
                .when().post("/inventory/adjustments")
                .then().statusCode(201)
                .body("movements.find { it.cause == 'TRANSFER_IN' }.lots.lotCode", contains("A", "B"))
                .body("movements.find { it.cause == 'TRANSFER_IN' }.lots.quantity", contains(4, 3));

        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/lots")
                .then().statusCode(200)
                .body("items.lotCode", contains("A", "B")).body("items.quantityOnHand", contains(4, 3))
                .body("items.expiresOn", contains(expiry.toString(), expiry.plusDays(10).toString()));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", warehouse)
                .when().get("/inventory/lots")
                .then().statusCode(200).body("items.lotCode", contains("B")).body("items.quantityOnHand", contains(3));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "COUNT", "productId", product, "locationId", store, "quantity", 7,
                        "lotCode", "A"))
                .when().post("/inventory/adjustments")
                .then().statusCode(400);
    }

    private static ValidatableResponse receive(String product, String location, int quantity, String lotCode,
                                               LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RECEIPT", "productId", product,
                "locationId", location, "quantity", quantity, "lotCode", lotCode));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/inventory/adjustments").then();
    }

    private static ValidatableResponse writeOff(String product, String location, int quantity, String lotCode) {
        return given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("type", "DAMAGE", "productId", product, "locationId", location, "quantity", quantity,
                        "lotCode", lotCode, "note", "expired"))
                .when().post("/inventory/adjustments").then();
    }

    private static Map<String, Integer> lotIds(String product, String location) {
        List<Map<String, Object>> items = given().header("Authorization", CLERK)
                .queryParam("productId", product).queryParam("locationId", location)
                .queryParam("includeEmpty", true)
                .when().get("/inventory/lots").then().statusCode(200).extract().path("items");
        Map<String, Integer> ids = new HashMap<>();
        items.forEach(item -> ids.put((String) item.get("lotCode"), ((Number) item.get("lotId")).intValue()));
        return ids;
    }
}
