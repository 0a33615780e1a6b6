package io.salespulse.orders;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * GET /orders and GET /orders/{id} over orders recorded through Kafka, all at one location of this run so that
 * other tests' orders do not interfere.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OrderApiIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String STORE = "ST-API-" + RUN;
    private static final String COLA = "P-COLA-API-" + RUN;
    private static final String CHIPS = "P-CHIPS-API-" + RUN;
    // Sources of this run: the shop sells on the web and through a marketplace (one source, two channels); the
    // store's second till has a comma in its source name, which a source filter must take literally.
    private static final String TILL = "store:" + STORE;
    private static final String SHOP = "shopify:" + RUN.toLowerCase() + ".myshopify.com";
    private static final String LANE = "pos,lane-2:" + RUN;
    // Five orders: externalId -> occurredAt, channel, source, lines, total, items.
    private static final SaleEvents.Builder S1 = sale("S1", "STORE", TILL, "2025-03-01T10:00:00Z").productLine(COLA, 2, "10.00"); // 20.00
    private static final SaleEvents.Builder S2 = sale("S2", "WEB", SHOP, "2025-03-01T11:00:00Z").productLine(CHIPS, 1, "5.50"); // 5.50
    private static final SaleEvents.Builder S3 = sale("S3", "STORE", LANE, "2025-03-02T09:00:00Z")
            .productLine(COLA, 1, "10.00").productLine(CHIPS, 3, "5.50"); // 26.50
    private static final SaleEvents.Builder S4 = sale("S4", "MARKETPLACE", SHOP, "2025-03-03T12:00:00Z").productLine(CHIPS, 10, "5.50"); // 55.00
    private static final SaleEvents.Builder R5 = SaleEvents.aReturnOf(S1).externalId("R5-" + RUN)
            .occurredAt("2025-03-03T15:00:00Z").productLine(COLA, 1, "10.00"); // -10.00

    private static boolean recorded;

    /** Once per class; not @BeforeAll, because RestAssured learns the application's port only before each test. */
    @BeforeEach
    void recordFiveOrdersOnce() {
        if (recorded) {
            return;
        }
        Instant updated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(Topics.CATALOG_LOCATIONS, STORE, CatalogRecords.location(STORE, "EU-South", updated), "location");
        send(Topics.CATALOG_PRODUCTS, COLA, CatalogRecords.product(COLA, "SKU-" + COLA, null, "Cola 1 l",
                List.of("Beverages", "Soft drinks"), "10.00", true, updated), "product");
        RecordMetadata last = send(Topics.CATALOG_PRODUCTS, CHIPS, CatalogRecords.product(CHIPS, "SKU-" + CHIPS, null,
                "Chips 300 g", List.of("Food", "Snacks"), "5.50", true, updated), "product");
        TestKafka.awaitProcessed("order-service-catalog", last);
        for (SaleEvents.Builder event : List.of(S1, S2, S3, S4, R5)) {
            Contracts.assertValid("sales.events.v1/sale-event", event.json());
            TestKafka.send(Topics.SALES_EVENTS, event.key(), event.json(), "io.salespulse.sale-event.v1");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> analyst().queryParam("locationId", STORE)
                .get("/orders").then().statusCode(200).body("totalItems", equalTo(5)));
        recorded = true;
    }

    @Test
    void listsNewestFirstByDefault() {
        analyst().queryParam("locationId", STORE).get("/orders")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("totalItems", equalTo(5))
                .body("items.externalId", equalTo(ids(R5, S4, S3, S2, S1)))
                .body("items.region", everyItem(equalTo("EU-South")))
                .body("items.find { it.externalId == '" + R5.externalId() + "' }.total", equalTo(-10.0f))
                .body("items.find { it.externalId == '" + R5.externalId() + "' }.returnOf", equalTo(S1.eventId().toString()));
    }

    @Test
    void filtersByChannelTypeProductTimeAndTotal() {
        analyst().queryParam("locationId", STORE).queryParam("channel", "STORE").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(R5, S3, S1)));
        analyst().queryParam("locationId", STORE).queryParam("type", "RETURN").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(R5)));
        analyst().queryParam("locationId", STORE).queryParam("productId", CHIPS).get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(S4, S3, S2)));
        analyst().queryParam("locationId", STORE)
                .queryParam("from", "2025-03-02T00:00:00Z").queryParam("to", "2025-03-03T12:00:00Z").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(S3)));
        analyst().queryParam("locationId", STORE).queryParam("minTotal", "5.50").queryParam("maxTotal", "26.50")
                .queryParam("sort", "total").get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("items.externalId", equalTo(ids(S2, S1, S3)));
        analyst().queryParam("locationId", STORE).queryParam("currency", "EUR").queryParam("minTotal", "5.50")
                .queryParam("maxTotal", "26.50").get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(3));
        analyst().queryParam("locationId", STORE).queryParam("currency", "USD").get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(0));
        analyst().queryParam("currency", "euro").get("/orders")
                .then().statusCode(400).body("errors.field", equalTo(List.of("currency")));
    }

    @Test
    void filtersBySourceAndChannelAsRepeatedOrCommaSeparatedValues() {
        analyst().queryParam("locationId", STORE).queryParam("source", SHOP).get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items.externalId", equalTo(ids(S4, S2)))
                .body("items.source", everyItem(equalTo(SHOP)));
        analyst().queryParam("source", SHOP).queryParam("channel", "WEB").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(S2)));
        // Any of the repeated sources; the comma belongs to the source name.
        analyst().queryParam("source", SHOP, LANE).get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(S4, S3, S2)));
        analyst().queryParam("source", LANE.split(",")[0]).queryParam("locationId", STORE).get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(0));
        analyst().queryParam("locationId", STORE).queryParam("channel", "WEB,MARKETPLACE").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(S4, S2)));
        analyst().queryParam("locationId", STORE).queryParam("channel", "WEB", "STORE").get("/orders")
                .then().statusCode(200).body("items.externalId", equalTo(ids(R5, S3, S2, S1)));
    }

    @Test
    void sortsBySource() {
        List<String> sources = analyst().queryParam("locationId", STORE).queryParam("sort", "source").get("/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.source", String.class);
        assertThat(sources).containsExactly(LANE, SHOP, SHOP, TILL, TILL);
        List<String> descending = analyst().queryParam("locationId", STORE).queryParam("sort", "-source")
                .get("/orders").then().statusCode(200).extract().jsonPath().getList("items.source", String.class);
        assertThat(descending).containsExactly(TILL, TILL, SHOP, SHOP, LANE);
    }

    @Test
    void sortsByTypeSalesBeforeTheReturnAndTheOtherWayRound() {
        List<String> types = analyst().queryParam("locationId", STORE).queryParam("sort", "type").get("/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.type", String.class);
        assertThat(types).containsExactly("RETURN", "SALE", "SALE", "SALE", "SALE");
        List<String> descending = analyst().queryParam("locationId", STORE).queryParam("sort", "-type")
                .get("/orders").then().statusCode(200).extract().jsonPath().getList("items.type", String.class);
        assertThat(descending).containsExactly("SALE", "SALE", "SALE", "SALE", "RETURN");
        analyst().queryParam("locationId", STORE).queryParam("sort", "-returnOf").get("/orders")
                .then().statusCode(200).body("items[0].type", equalTo("SALE"));
        analyst().queryParam("locationId", STORE).queryParam("sort", "returnOf").get("/orders")
                .then().statusCode(200).body("items[0].type", equalTo("RETURN"));
        analyst().queryParam("locationId", STORE).queryParam("sort", "region").get("/orders").then().statusCode(200);
        analyst().queryParam("locationId", STORE).queryParam("sort", "-currency").get("/orders").then().statusCode(200);
    }

    @Test
    void listsEveryChannelAndSourceWithItsOrderCount() {
        List<java.util.Map<String, Object>> sources = analyst().get("/orders/sources")
                .then().statusCode(200).extract().jsonPath().getList("$");
        // Other tests record orders too: look at this run's sources, in the order the list gives them.
        assertThat(sources.stream().filter(s -> s.get("source").toString().contains(RUN)
                        || s.get("source").toString().contains(RUN.toLowerCase())).toList())
                .containsExactly(
                        java.util.Map.of("channel", "MARKETPLACE", "source", SHOP, "orders", 1),
                        java.util.Map.of("channel", "STORE", "source", LANE, "orders", 1),
                        java.util.Map.of("channel", "STORE", "source", TILL, "orders", 2),
                        java.util.Map.of("channel", "WEB", "source", SHOP, "orders", 1));
        given().header("Authorization", TestTokens.bearer("clara", "clerk")).get("/orders/sources")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("scanner-7", "device")).get("/orders/sources")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/orders/sources").then().statusCode(401);
    }

    @Test
    void sortsAndPages() {
        // -total: S4 55.00, S3 26.50, S1 20.00, S2 5.50, R5 -10.00
        analyst().queryParam("locationId", STORE).queryParam("sort", "-total").queryParam("size", 2).queryParam("page", 1)
                .get("/orders")
                .then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("totalItems", equalTo(5))
                .body("items.externalId", equalTo(ids(S1, S2)));
        analyst().queryParam("locationId", STORE).queryParam("sort", "-total").queryParam("size", 2).queryParam("page", 2)
                .get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(5)).body("items.externalId", equalTo(ids(R5)));
        analyst().queryParam("locationId", STORE).queryParam("sort", "channel").queryParam("size", 2).queryParam("page", 3)
                .get("/orders")
                .then().statusCode(200).body("totalItems", equalTo(5)).body("items", hasSize(0));
    }

    @Test
    void oneOrderComesWithItsLines() {
        analyst().get("/orders/" + S3.orderId())
                .then().statusCode(200)
                .body("orderId", equalTo(S3.orderId().toString()))
                .body("total", equalTo(26.5f))
                .body("itemCount", equalTo(4))
                .body("lines.lineNo", equalTo(List.of(0, 1)))
                .body("lines.name", equalTo(List.of("Cola 1 l", "Chips 300 g")))
                .body("lines.category", equalTo(List.of("Soft drinks", "Snacks")))
                .body("lines.lineTotal", equalTo(List.of(10.0f, 16.5f)));
    }

    @Test
    void anUnknownOrderIsA404Problem() {
        analyst().get("/orders/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void anUnknownChannelInAListIsA400ProblemNamingIt() {
        analyst().queryParam("channel", "WEB,FAX").get("/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("channel")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("FAX"));
    }

    @Test
    void invalidParametersAreA400ProblemNamingThem() {
        analyst().queryParam("sort", "password").queryParam("size", 501).queryParam("from", "yesterday").get("/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sort"))
                .body("errors.field", hasItem("size"))
                .body("errors.field", hasItem("from"));
    }

    @Test
    void readingOrdersNeedsAnOrderReadingRole() {
        given().get("/orders").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("scanner-7", "device")).get("/orders")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("scanner-7", "device")).get("/orders/" + S1.orderId())
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("max", "manager")).queryParam("locationId", STORE)
                .get("/orders").then().statusCode(200);
    }

    @Test
    void aSaleTellsWhatOfItCanStillComeBack() {
        analyst().queryParam("returnOf", S1.eventId().toString()).get("/orders/returnable")
                .then().statusCode(200)
                .body("orderId", equalTo(S1.orderId().toString())).body("externalId", equalTo(S1.externalId()))
                .body("locationId", equalTo(STORE)).body("lines.productId", equalTo(List.of(COLA)))
                .body("lines[0].sku", equalTo("SKU-" + COLA))
                .body("lines[0].sold", equalTo(2)).body("lines[0].returned", equalTo(1))
                .body("lines[0].returnable", equalTo(1));
        // By externalId only within the sale's own source: another source may use the same id for another sale.
        analyst().queryParam("returnOf", S3.externalId()).queryParam("source", LANE).get("/orders/returnable")
                .then().statusCode(200).body("orderId", equalTo(S3.orderId().toString()))
                .body("lines.productId", equalTo(List.of(COLA, CHIPS))).body("lines.returnable", equalTo(List.of(1, 3)));
        analyst().queryParam("returnOf", S3.externalId()).queryParam("source", TILL).get("/orders/returnable")
                .then().statusCode(404).contentType("application/problem+json");
        analyst().queryParam("returnOf", R5.eventId().toString()).get("/orders/returnable")
                .then().statusCode(404);
        analyst().get("/orders/returnable").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("service-account-channel-ingest-service", "order-lookup"))
                .queryParam("returnOf", S1.eventId().toString()).get("/orders/returnable").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("scanner-7", "device"))
                .queryParam("returnOf", S1.eventId().toString()).get("/orders/returnable").then().statusCode(403);
    }

    @Test
    void returnsNamingASaleByItsExternalIdCountOnlyFromTheSalesOwnSource() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String location = STORE + "-RET";
        String till = "till:" + id;
        RecordMetadata catalogued = send(Topics.CATALOG_LOCATIONS, location,
                CatalogRecords.location(location, "EU-South", Instant.now().truncatedTo(ChronoUnit.SECONDS)), "location");
        TestKafka.awaitProcessed("order-service-catalog", catalogued);
        SaleEvents.Builder sale = SaleEvents.aSale().source(till).locationId(location).externalId("S-" + id)
                .productLine(CHIPS, 4, "5.50");
        SaleEvents.Builder byExternalId = SaleEvents.aReturnOf(sale).returnOf(sale.externalId())
                .externalId("R1-" + id).productLine(CHIPS, 3, "5.50");
        SaleEvents.Builder fromAnotherSource = SaleEvents.aReturnOf(sale).source("till:other-" + id)
                .returnOf(sale.externalId()).externalId("R2-" + id).productLine(CHIPS, 1, "5.50");
        for (SaleEvents.Builder event : List.of(sale, byExternalId, fromAnotherSource)) {
            TestKafka.send(Topics.SALES_EVENTS, event.key(), event.json(), "io.salespulse.sale-event.v1");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> analyst().queryParam("locationId", location)
                .get("/orders").then().statusCode(200).body("totalItems", equalTo(3)));

        analyst().queryParam("returnOf", sale.eventId().toString()).get("/orders/returnable")
                .then().statusCode(200)
                .body("lines[0].sold", equalTo(4)).body("lines[0].returned", equalTo(3))
                .body("lines[0].returnable", equalTo(1));
    }

    private static RequestSpecification analyst() {
        return given().header("Authorization", TestTokens.bearer("ann", "analyst")).when();
    }

    private static SaleEvents.Builder sale(String id, String channel, String source, String occurredAt) {
        return SaleEvents.aSale().channel(channel).source(source).externalId(id + "-" + RUN).locationId(STORE)
                .occurredAt(occurredAt);
    }

    private static List<String> ids(SaleEvents.Builder... events) {
        return java.util.Arrays.stream(events).map(SaleEvents.Builder::externalId).toList();
    }

    private static RecordMetadata send(String topic, String key, java.util.Map<String, Object> value, String type) {
        String json = CatalogRecords.json(value);
        Contracts.assertValid(topic + "/" + type, json);
        return TestKafka.send(topic, key, json, "io.salespulse." + type + ".v1");
    }
}
