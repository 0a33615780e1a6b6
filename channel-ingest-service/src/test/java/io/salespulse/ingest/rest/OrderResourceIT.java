package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.salespulse.ingest.Orders;
import io.salespulse.ingest.SaleEventsTopic;
import io.salespulse.ingest.domain.IdempotencyCleanup;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.security.VerifiedTokens;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** POST /orders against the real broker and database: what reaches sales.events.v1, and what never does. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OrderResourceIT {
    private static final String CLERK = TestTokens.bearer("clerk", "clerk");
    /** Full-form orders name their source (webshop:main): a system's, which only an integration may name. */
    private static final String INTEGRATION = TestTokens.bearer("service-account-webshop", "integration");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyCleanup cleanup;

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aSimpleOrderIsPublishedAsACanonicalSaleEvent() throws Exception {
        Map<String, Object> order = Orders.aSimpleSale();

        Response response = post(CLERK, order, null);

        response.then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("ACCEPTED"))
                .header(OrderResource.REPLAYED, nullValue());
        UUID eventId = UUID.fromString(response.path("eventId"));
        String externalId = response.path("externalId");
        ConsumerRecord<String, String> record = single(eventId);
        assertThat(record.key()).isEqualTo("API:api:clerk:" + externalId);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).isEqualTo("io.salespulse.sale-event.v1");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).isEqualTo("/channel-ingest-service");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TIME)).isEqualTo(order.get("date"));
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(event.get("type").asText()).isEqualTo("SALE");
        assertThat(event.get("channel").asText()).isEqualTo("API");
        assertThat(event.get("source").asText()).isEqualTo("api:clerk");
        assertThat(event.get("externalId").asText()).isEqualTo(externalId);
        assertThat(event.get("locationId").asText()).isEqualTo("WEB-FC");
        assertThat(event.get("currency").asText()).isEqualTo("EUR");
        assertThat(event.get("occurredAt").asText()).isEqualTo(order.get("date"));
        assertThat(event.get("lines")).hasSize(1);
        assertThat(event.get("lines").get(0).get("productId").asText()).isEqualTo("P-1001");
        assertThat(event.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(event.get("lines").get(0).get("unitPrice").asText()).isEqualTo("2.50");
    }

    @Test
    void theSaleEventContinuesTheCallersTraceThoughAnotherThreadSendsIt() {
        // The event is sent from the group-commit writer once the key is claimed, not from the request's thread.
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> order = Orders.aFullSale();

        Response response = given().header("Authorization", INTEGRATION).header("traceparent", "00-" + traceId
                + "-00f067aa0ba902b7-01").contentType(ContentType.JSON).body(order).when().post("/orders").andReturn();

        response.then().statusCode(202);
        ConsumerRecord<String, String> record = single(UUID.fromString(response.path("eventId")));
        assertThat(CloudEvents.header(record.headers(), "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void aFullOrderKeepsItsChannelSourceIdAndLines() throws Exception {
        Map<String, Object> order = Orders.aFullSale();

        Response response = post(TestTokens.bearer("shop-sync", "integration"), order, null);

        response.then().statusCode(202).body("externalId", equalTo(order.get("externalId")));
        ConsumerRecord<String, String> record = single(UUID.fromString(response.path("eventId")));
        assertThat(record.key()).isEqualTo("WEB:webshop:main:" + order.get("externalId"));
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("locationId").asText()).isEqualTo("ST-001");
        assertThat(event.get("customerRef").asText()).isEqualTo("c-5f2a9b");
        assertThat(event.get("lines").findValuesAsText("unitPrice")).containsExactly("2.50", "1.99", "0.99");
        assertThat(event.get("lines").get(1).get("sku").asText()).isEqualTo("SKU-COLA-330");
        assertThat(event.get("lines").get(2).get("gtin").asText()).isEqualTo("4006381333931");
    }

    @Test
    void aReturnIsPublishedWithTheSaleItReturns() {
        Map<String, Object> sale = Orders.aFullSale();
        post(INTEGRATION, sale, null).then().statusCode(202);
        Map<String, Object> giveBack = Orders.aFullSale();
        giveBack.put("type", "RETURN");
        giveBack.put("returnOf", sale.get("externalId"));

        Response response = post(INTEGRATION, giveBack, null);

        response.then().statusCode(202);
        ConsumerRecord<String, String> record = single(UUID.fromString(response.path("eventId")));
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        assertThat(record.value()).contains("\"type\":\"RETURN\"", "\"returnOf\":\"" + sale.get("externalId") + "\"");
    }

    @Test
    void anInvalidOrderIsRefusedWithFieldErrorsAndNeverPublished() {
        int before = SaleEventsTopic.all().size();
        Map<String, Object> order = Orders.aFullSale();
        order.put("currency", "EUX");
        order.put("occurredAt", Instant.now().plusSeconds(60).toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
        lines.get(0).put("quantity", 0);
        lines.get(1).put("unitPrice", "1.999");
        lines.get(2).put("productId", "P-1001");

        post(CLERK, order, null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("currency", "occurredAt", "lines[0].quantity", "lines[1].unitPrice",
                        "lines[2]"));
        post(CLERK, Map.of("productId", "P-1001", "quantity", 1), null).then().statusCode(400)
                .body("errors.field", hasItems("price"));
        assertThat(SaleEventsTopic.all()).hasSize(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bodiesThatAreNoOrderAreProblemsToo() {
        given().header("Authorization", CLERK).contentType(ContentType.JSON).body("{\"productId\": \"P-1001\",")
                .when().post("/orders")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        Map<String, Object> wrongType = Orders.aFullSale();
        ((List<Map<String, Object>>) wrongType.get("lines")).get(1).put("quantity", 1.5);
        post(CLERK, wrongType, null).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[1].quantity"))
                .body("errors[0].message", equalTo("must be a whole number"));

        Map<String, Object> unknownChannel = Orders.aFullSale();
        unknownChannel.put("channel", "FAX");
        post(CLERK, unknownChannel, null).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));

        Map<String, Object> bothForms = Orders.aFullSale();
        bothForms.put("price", "2.50");
        post(CLERK, bothForms, null).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("either the simple form"));

        Map<String, Object> misspelt = Orders.aFullSale();
        misspelt.put("externalID", misspelt.remove("externalId"));
        post(CLERK, misspelt, null).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown field \"externalID\""));
        Map<String, Object> simpleWithCurrency = Orders.aSimpleSale();
        simpleWithCurrency.put("currency", "USD");
        post(CLERK, simpleWithCurrency, null).then().statusCode(400)
                .body("detail", containsString("Unknown field \"currency\": the simple form takes"));
        Map<String, Object> lineTypo = Orders.aFullSale();
        @SuppressWarnings("unchecked")
        Map<String, Object> firstLine = ((List<Map<String, Object>>) lineTypo.get("lines")).get(0);
        firstLine.put("qty", firstLine.remove("quantity"));
        post(CLERK, lineTypo, null).then().statusCode(400)
                .body("detail", containsString("Unknown field \"qty\" in lines[0]"));

        post(CLERK, Orders.aSimpleSale(), "has space").then().statusCode(400)
                .body("errors.field", hasItems("idempotencyKey"));
    }

    @Test
    void onlySalesRolesMayPostOrders() {
        given().contentType(ContentType.JSON).body(Orders.aSimpleSale())
                .when().post("/orders")
                .then().statusCode(401);
        post(TestTokens.bearer("analyst", "analyst"), Orders.aSimpleSale(), null).then().statusCode(403)
                .contentType("application/problem+json");
        post(TestTokens.bearer("manager", "manager"), Orders.aSimpleSale(), null).then().statusCode(202);
    }

    @Test
    void staffPostAsThemselvesOrForAStoreButNeverForAnotherSystem() {
        Map<String, Object> marketplace = Orders.aFullSale();
        marketplace.put("source", "marketplace:amazon-eu");
        Map<String, Object> asAnother = Orders.aFullSale();
        asAnother.put("source", "api:integration-demo");

        post(CLERK, marketplace, null).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("store:<locationId>"));
        post(TestTokens.bearer("manager", "manager"), asAnother, null).then().statusCode(403);

        // The refused order claimed nothing: the marketplace's own order with that externalId is a new sale.
        post(INTEGRATION, marketplace, null).then().statusCode(202).header(OrderResource.REPLAYED, nullValue());
        assertThat(SaleEventsTopic.all().stream().filter(r -> r.key().endsWith(":" + marketplace.get("externalId"))))
                .hasSize(1);
        Map<String, Object> counterSale = Orders.aFullSale();
        counterSale.put("channel", "STORE");
        counterSale.put("source", "store:ST-001");
        post(CLERK, counterSale, null).then().statusCode(202);
        Map<String, Object> own = Orders.aFullSale();
        own.put("source", "api:clerk");
        post(CLERK, own, null).then().statusCode(202);
        post(TestTokens.bearer("admin", "admin"), asAnother, null).then().statusCode(202);
    }

    @Test
    void aClerkBoundToStoresRecordsSalesOnlyThereAndWithoutALocationAtTheFirst() throws Exception {
        String bound = TestTokens.bearerWith("locations", List.of("ST-001", "ST-005"), "clerk", "clerk");
        Map<String, Object> elsewhere = Orders.aFullSale();
        elsewhere.put("channel", "STORE");
        elsewhere.put("source", "store:ST-003");
        elsewhere.put("locationId", "ST-003");
        Map<String, Object> stockElsewhere = Orders.aFullSale();
        stockElsewhere.put("source", "store:ST-005");
        stockElsewhere.put("locationId", "ST-003");

        post(bound, elsewhere, null).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("only at ST-001, ST-005"));
        post(bound, stockElsewhere, null).then().statusCode(403);
        assertThat(SaleEventsTopic.all().stream().filter(r -> r.key().endsWith(":" + elsewhere.get("externalId"))))
                .isEmpty();

        Map<String, Object> atHerStore = Orders.aFullSale();
        atHerStore.put("channel", "STORE");
        atHerStore.put("source", "store:ST-005");
        atHerStore.put("locationId", "ST-005");
        post(bound, atHerStore, null).then().statusCode(202);
        Response simple = post(bound, Orders.aSimpleSale(), null);
        simple.then().statusCode(202);
        assertThat(JSON.readTree(single(UUID.fromString(simple.path("eventId"))).value()).get("locationId").asText())
                .isEqualTo("ST-001");
        // An integration's token is never bound, whatever it carries.
        post(TestTokens.bearerWith("locations", List.of("ST-001"), "integration-demo", "integration"), elsewhere, null)
                .then().statusCode(202);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryAndItsCallerAndRolesStillDecide() throws Exception {
        String clara = TestTokens.bearer("clara", "clerk");
        post(clara, Orders.aSimpleSale(), null).then().statusCode(202);
        assertThat(verifiedTokens.find(clara.substring("Bearer ".length()))).isPresent();

        Response again = post(clara, Orders.aSimpleSale(), null);

        again.then().statusCode(202);
        assertThat(JSON.readTree(single(UUID.fromString(again.path("eventId"))).value()).get("source").asText())
                .isEqualTo("api:clara");
        String anna = TestTokens.bearer("anna", "analyst");
        post(anna, Orders.aSimpleSale(), null).then().statusCode(403);
        post(anna, Orders.aSimpleSale(), null).then().statusCode(403);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Orders.aSimpleSale();
        order.remove("date");

        Response first = post(CLERK, order, key);
        Response retry = post(CLERK, order, key);

        first.then().statusCode(202).header(OrderResource.REPLAYED, nullValue());
        retry.then().statusCode(202)
                .header(OrderResource.REPLAYED, "true")
                .body("eventId", equalTo(first.path("eventId")))
                .body("externalId", equalTo(first.path("externalId")))
                .body("status", equalTo("ACCEPTED"));
        assertThat(SaleEventsTopic.withEventId(UUID.fromString(first.path("eventId")))).hasSize(1);
        assertThat(SaleEventsTopic.all().stream().filter(r -> r.key().endsWith(":" + first.path("externalId"))))
                .hasSize(1);
    }

    @Test
    void concurrentDuplicatesRaceSafely() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Orders.aFullSale();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> post(INTEGRATION, order, key));
        }
        List<Response> responses = allAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsAnyOf(202).allMatch(s -> s == 202 || s == 409);
        List<String> eventIds = responses.stream().filter(r -> r.statusCode() == 202)
                .map(r -> r.<String>path("eventId")).distinct().toList();
        assertThat(eventIds).hasSize(1);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.header("Retry-After")).isNotNull());
        assertThat(SaleEventsTopic.withEventId(UUID.fromString(eventIds.get(0)))).hasSize(1);
    }

    @Test
    void manyConcurrentOrdersShareIdempotencyBatchesAndEachIsAcceptedOnceUnderItsOwnKey() throws Exception {
        // Claims and ACCEPTED marks of concurrent requests are group-committed (IdempotencyWrites).
        int orders = 40;
        List<String> keys = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Orders.aFullSale();
            keys.add(key);
            bodies.add(body);
            calls.add(() -> post(INTEGRATION, body, key));
        }
        List<Response> responses = allAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsOnly(202);
        List<String> eventIds = responses.stream().map(r -> r.<String>path("eventId")).toList();
        assertThat(eventIds).doesNotHaveDuplicates();
        for (String key : keys) {
            assertThat(status(key)).isEqualTo("ACCEPTED");
        }
        // Retries of all of them at once are answered from the store with the first results, publishing nothing new.
        List<Callable<Response>> retries = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            int order = i;
            retries.add(() -> post(INTEGRATION, bodies.get(order), keys.get(order)));
        }
        List<Response> replayed = allAtOnce(retries);
        for (int i = 0; i < orders; i++) {
            replayed.get(i).then().statusCode(202).header(OrderResource.REPLAYED, "true")
                    .body("eventId", equalTo(eventIds.get(i)));
        }
        Map<String, Long> published = SaleEventsTopic.all().stream().map(r -> {
            try {
                return JSON.readTree(r.value()).get("eventId").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(eventIds::contains).collect(Collectors.groupingBy(id -> id,
                Collectors.counting()));
        assertThat(published).hasSize(orders).allSatisfy((eventId, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void theSameKeyForADifferentOrderIsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Orders.aSimpleSale();
        post(CLERK, order, key).then().statusCode(202);
        order.put("quantity", 3);

        post(CLERK, order, key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"));
    }

    @Test
    void withoutAKeyTheExternalIdWithinItsSourceIsTheKey() {
        Map<String, Object> order = Orders.aFullSale();
        Response first = post(INTEGRATION, order, null);
        Response again = post(INTEGRATION, order, null);

        again.then().statusCode(202).header(OrderResource.REPLAYED, "true")
                .body("eventId", equalTo(first.path("eventId")));
        order.put("source", "webshop:other");
        post(INTEGRATION, order, null).then().statusCode(202).header(OrderResource.REPLAYED, nullValue())
                .body("eventId", notNullValue());
    }

    @Test
    void aRetryWaitsForAnAttemptInProgressAndTakesOverAnAbandonedOneWithTheSameEvent() throws SQLException {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Orders.aSimpleSale();
        order.remove("date");
        Response first = post(CLERK, order, key);
        UUID eventId = UUID.fromString(first.path("eventId"));
        // As if the first attempt were still publishing...
        update("UPDATE idempotency_keys SET status = 'PENDING', updated_at = now() WHERE key = ?", key);

        post(CLERK, order, key).then().statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());

        // ...and then as if its instance had died mid-publish, longer ago than the takeover delay.
        update("UPDATE idempotency_keys SET updated_at = now() - INTERVAL '1 hour' WHERE key = ?", key);
        post(CLERK, order, key).then().statusCode(202)
                .header(OrderResource.REPLAYED, nullValue())
                .body("eventId", equalTo(eventId.toString()))
                .body("externalId", equalTo(first.path("externalId")));

        List<ConsumerRecord<String, String>> records = SaleEventsTopic.withEventId(eventId);
        assertThat(records).as("re-published with the stored identity, for consumers to deduplicate").hasSize(2);
        assertThat(records.get(1).value()).isEqualTo(records.get(0).value());
        assertThat(records.get(1).key()).isEqualTo(records.get(0).key());
        assertThat(status(key)).isEqualTo("ACCEPTED");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"productId\":\"P-1001\",\"quantity\":1,\"price\":\"1.00\",\"note\":\"" + "x".repeat(1_100_000) + "\"}";

        given().header("Authorization", CLERK).contentType(ContentType.JSON).body(huge)
                .when().post("/orders")
                .then().statusCode(413);
    }

    @Test
    void expiredKeysAreForgotten() throws SQLException {
        String oldKey = UUID.randomUUID().toString();
        String recentKey = UUID.randomUUID().toString();
        post(CLERK, Orders.aSimpleSale(), oldKey).then().statusCode(202);
        post(CLERK, Orders.aSimpleSale(), recentKey).then().statusCode(202);
        update("UPDATE idempotency_keys SET created_at = now() - INTERVAL '8 days' WHERE key = ?", oldKey);

        assertThat(cleanup.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(status(oldKey)).isNull();
        assertThat(status(recentKey)).isEqualTo("ACCEPTED");
    }

    @Test
    void metricsCountAcceptedAndRejectedOrdersAndTheLatencyToTheKafkaAck() {
        post(CLERK, Orders.aSimpleSale(), null).then().statusCode(202);
        post(CLERK, Map.of("productId", "P-1001", "quantity", 0, "price", "1.00"), null).then().statusCode(400);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("salespulse_ingest_accepted_total{channel=\"API\""))
                .body(containsString("salespulse_ingest_rejected_total{reason=\"invalid\""))
                .body(containsString("salespulse_ingest_latency_seconds_bucket{channel=\"API\""))
                .body(containsString("salespulse_ingest_latency_seconds{channel=\"API\",quantile=\"0.99\""));
    }

    @Test
    void theApiIsDocumented() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/orders'.post.summary", equalTo("Record a sale or return"))
                .body("paths.'/orders'.post.responses.keySet()",
                        hasItems("202", "400", "401", "403", "409", "413", "422", "503"))
                .body("components.schemas.keySet()", hasItems("SimpleOrder", "FullOrder", "OrderLine", "OrderAccepted"));
    }

    private static Response post(String bearer, Map<String, Object> order, String idempotencyKey) {
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON).body(order);
        if (idempotencyKey != null) {
            request.header(OrderResource.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return request.when().post("/orders").andReturn();
    }

    private static ConsumerRecord<String, String> single(UUID eventId) {
        List<ConsumerRecord<String, String>> records = SaleEventsTopic.withEventId(eventId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** Runs the calls concurrently (up to 16 at a time) and returns their answers in order. */
    private static List<Response> allAtOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 16));
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        return responses;
    }

    private void update(String sql, String idempotencyKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "idempotency-key:" + idempotencyKey);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
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
