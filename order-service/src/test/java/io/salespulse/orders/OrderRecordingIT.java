package io.salespulse.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The consuming side end to end, against the real broker and database: catalog and sale events in, orders in
 * PostgreSQL, orders.recorded.v1 and dead letters out.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OrderRecordingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String STORE = "ST-REC-" + RUN;
    private static final String COLA = "P-COLA-" + RUN;
    private static final String COLA_SKU = "SKU-COLA-" + RUN;
    private static final String CHIPS = "P-CHIPS-" + RUN;
    private static final String CHIPS_SKU = "SKU-CHIPS-" + RUN;
    private static final String CHIPS_GTIN = CatalogRecords.gtin13("40" + (1_000_000_000L + Math.abs(RUN.hashCode() % 999_999_999L)));

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void publishCatalog() {
        Instant updated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sendCatalog(Topics.CATALOG_LOCATIONS, STORE, CatalogRecords.location(STORE, "EU-North", updated), "location");
        sendCatalog(Topics.CATALOG_PRODUCTS, COLA, CatalogRecords.product(COLA, COLA_SKU, null, "Cola 330 ml",
                List.of("Beverages", "Soft drinks"), "0.89", true, updated), "product");
        RecordMetadata last = sendCatalog(Topics.CATALOG_PRODUCTS, CHIPS, CatalogRecords.product(CHIPS, CHIPS_SKU,
                CHIPS_GTIN, "Chips 150 g", List.of("Food", "Snacks"), "1.99", true, updated), "product");
        TestKafka.awaitProcessed("order-service-catalog", last);
    }

    @Test
    void aSaleBecomesOneOrderWithItsLinesAndIsPublishedEnriched() throws Exception {
        SaleEvents.Builder sale = aSale().productLine(COLA, 2, "0.89").skuLine(CHIPS_SKU, 1, "1.99")
                .gtinLine(CHIPS_GTIN, 3, "1.50");
        sendSale(sale);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer("clara", "clerk"))
                .when().get("/orders/" + sale.orderId())
                .then().statusCode(200)
                .body("eventId", equalTo(sale.eventId().toString()))
                .body("type", equalTo("SALE"))
                .body("region", equalTo("EU-North"))
                .body("total", equalTo(8.27f))
                .body("itemCount", equalTo(6))
                .body("lines", hasSize(3))
                .body("lines.productId", equalTo(List.of(COLA, CHIPS, CHIPS)))
                .body("lines.name", equalTo(List.of("Cola 330 ml", "Chips 150 g", "Chips 150 g"))));

        ConsumerRecord<String, String> published = TestKafka.awaitRecords(Topics.ORDERS_RECORDED, 1,
                record -> sale.orderId().toString().equals(record.key())).get(0);
        Contracts.assertValid("orders.recorded.v1/order-recorded", published.value());
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.get("orderId").asText()).isEqualTo(sale.orderId().toString());
        assertThat(event.get("region").asText()).isEqualTo("EU-North");
        assertThat(event.get("total").asText()).isEqualTo("8.27");
        assertThat(event.get("lines").get(2).get("category").asText()).isEqualTo("Snacks");
        assertThat(event.get("lines").get(2).get("lineTotal").asText()).isEqualTo("4.50");
        assertThat(TestKafka.header(published, "ce_type")).isEqualTo("io.salespulse.order-recorded.v1");
        assertThat(TestKafka.header(published, "ce_source")).isEqualTo("/order-service");
        // Counted right after the broker's acknowledgement, so possibly a moment after the record is visible.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("salespulse_orders_recorded_total{channel=\"STORE\",type=\"SALE\"}"))
                .body(containsString("salespulse_revenue_total{currency=\"EUR\"}")));
    }

    @Test
    void aRedeliveredEventOrASecondEventIdForTheSameOrderIsStillOneOrder() throws Exception {
        SaleEvents.Builder sale = aSale().productLine(COLA, 1, "0.89");
        String key = sale.orderId().toString();
        sendSale(sale);
        TestKafka.awaitRecords(Topics.ORDERS_RECORDED, 1, record -> key.equals(record.key()));

        sendSale(sale);
        TestKafka.awaitRecords(Topics.ORDERS_RECORDED, 2, record -> key.equals(record.key()));
        SaleEvents.Builder sameOrderNewEventId = aSale().externalId(sale.externalId()).productLine(COLA, 1, "0.89");
        sendSale(sameOrderNewEventId);
        // Duplicates are re-published (the stored order, under its own key): seeing three means all were processed.
        List<ConsumerRecord<String, String>> published = TestKafka.awaitRecords(Topics.ORDERS_RECORDED, 3,
                record -> key.equals(record.key()));

        assertThat(published).extracting(ConsumerRecord::value).containsOnly(published.get(0).value());
        assertThat(count("SELECT count(*) FROM orders WHERE external_id = ?", sale.externalId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM order_lines WHERE order_id = ?", sale.orderId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM orders WHERE event_id = ?", sameOrderNewEventId.eventId())).isZero();
    }

    @Test
    void aReturnIsRecordedAsANegativeRefund() {
        SaleEvents.Builder sale = aSale().productLine(CHIPS, 2, "1.99");
        SaleEvents.Builder refund = SaleEvents.aReturnOf(sale).productLine(CHIPS, 1, "1.99");
        sendSale(sale);
        sendSale(refund);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer("mia", "manager"))
                .when().get("/orders/" + refund.orderId())
                .then().statusCode(200)
                .body("type", equalTo("RETURN"))
                .body("returnOf", equalTo(sale.eventId().toString()))
                .body("total", equalTo(-1.99f))
                .body("lines[0].quantity", equalTo(1))
                .body("lines[0].lineTotal", equalTo(-1.99f)));
        ConsumerRecord<String, String> published = TestKafka.awaitRecords(Topics.ORDERS_RECORDED, 1,
                record -> refund.orderId().toString().equals(record.key())).get(0);
        Contracts.assertValid("orders.recorded.v1/order-recorded", published.value());
    }

    @Test
    void malformedJsonUnknownProductsAndUnknownLocationsAreDeadLetteredAndNotRecorded() throws Exception {
        String malformedKey = "STORE:store:it:" + UUID.randomUUID();
        TestKafka.send(Topics.SALES_EVENTS, malformedKey, "{\"eventId\": ", "io.salespulse.sale-event.v1");
        SaleEvents.Builder unknownProduct = aSale().skuLine("SKU-NOPE-" + RUN, 1, "1.00");
        sendSale(unknownProduct);
        SaleEvents.Builder unknownLocation = aSale().locationId("ST-NOWHERE").productLine(COLA, 1, "0.89");
        sendSale(unknownLocation);

        JsonNode malformed = deadLetterOf(malformedKey);
        assertThat(malformed.get("reason").asText()).startsWith("malformed JSON");
        assertThat(malformed.get("payload").asText()).isEqualTo("{\"eventId\": ");
        assertThat(malformed.get("topic").asText()).isEqualTo(Topics.SALES_EVENTS);
        assertThat(malformed.get("service").asText()).isEqualTo("order-service");
        assertThat(deadLetterOf(unknownProduct.key()).get("reason").asText())
                .isEqualTo("unknown product sku=SKU-NOPE-" + RUN + " in line 0");
        assertThat(deadLetterOf(unknownLocation.key()).get("reason").asText()).isEqualTo("unknown location ST-NOWHERE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("salespulse_deadletters_total{reason=\"malformed_json\"}"))
                .body(containsString("salespulse_deadletters_total{reason=\"unknown_product\"}")));

        for (SaleEvents.Builder rejected : List.of(unknownProduct, unknownLocation)) {
            assertThat(count("SELECT count(*) FROM orders WHERE event_id = ?", rejected.eventId())).isZero();
            given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                    .when().get("/orders/" + rejected.orderId())
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void theCatalogKeepsTheNewestStateAndTombstonesDeleteProducts() throws Exception {
        String productId = "P-TEA-" + RUN;
        Instant t2 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sendCatalog(Topics.CATALOG_PRODUCTS, productId, CatalogRecords.product(productId, "SKU-TEA-" + RUN, null,
                "Green tea", List.of("Beverages", "Tea"), "2.50", true, t2), "product");
        RecordMetadata older = sendCatalog(Topics.CATALOG_PRODUCTS, productId, CatalogRecords.product(productId,
                "SKU-TEA-" + RUN, null, "Tea (old name)", List.of("Tea"), "2.00", true, t2.minusSeconds(60)), "product");
        TestKafka.awaitProcessed("order-service-catalog", older);

        assertThat(text("SELECT name FROM products WHERE product_id = ?", productId)).isEqualTo("Green tea");
        assertThat(text("SELECT category FROM products WHERE product_id = ?", productId)).isEqualTo("Tea");

        RecordMetadata tombstone = TestKafka.send(Topics.CATALOG_PRODUCTS, productId, null, "io.salespulse.product.v1");
        TestKafka.awaitProcessed("order-service-catalog", tombstone);
        assertThat(count("SELECT count(*) FROM products WHERE product_id = ?", productId)).isZero();
    }

    private static SaleEvents.Builder aSale() {
        return SaleEvents.aSale().locationId(STORE).source("store:" + STORE);
    }

    private static void sendSale(SaleEvents.Builder sale) {
        Contracts.assertValid("sales.events.v1/sale-event", sale.json());
        TestKafka.send(Topics.SALES_EVENTS, sale.key(), sale.json(), "io.salespulse.sale-event.v1");
    }

    private static RecordMetadata sendCatalog(String topic, String key, java.util.Map<String, Object> value, String type) {
        String json = CatalogRecords.json(value);
        Contracts.assertValid(topic + "/" + type, json);
        return TestKafka.send(topic, key, json, "io.salespulse." + type + ".v1");
    }

    /** The dead letter order-service sent for the record with this key, checked against the contract. */
    private static JsonNode deadLetterOf(String recordKey) throws Exception {
        ConsumerRecord<String, String> record = TestKafka.awaitRecords(Topics.DEAD_LETTER, 1,
                r -> r.value().contains(recordKey)).get(0);
        Contracts.assertValid("sales.deadletter.v1/dead-letter", record.value());
        assertThat(record.key()).isEqualTo(Topics.SALES_EVENTS);
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo(DeadLetter.EVENT_TYPE);
        JsonNode letter = JSON.readTree(record.value());
        assertThat(letter.get("key").asText()).isEqualTo(recordKey);
        return letter;
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String text(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
