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
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static io.salespulse.inventory.support.TestCatalog.onHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/** Stock alerts as they reach alerts.v1: one per crossing, resolved on recovery, acknowledged by managers. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AlertsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static SalesProducer sales;
    private static KafkaRecorder alerts;

    @Inject
    AlertService alertService;

    @BeforeAll
    static void connect() {
        sales = new SalesProducer();
        alerts = KafkaRecorder.of(Topics.ALERTS);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        sales.close();
        alerts.close();
    }

    @Test
    void lowThenOutThenRecoveryEmitsExactlyTheExpectedAlerts() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.thresholds(product, store, 5, 2, 20);
        TestCatalog.adjust("RECEIPT", product, store, 10);

        sales.send(SaleEvents.aSale(store).line(product, 6));
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 1);
        assertThat(transitions(product)).containsExactly("RAISED LOW_STOCK");

        // still below the reorder point: no new alert
        sales.send(SaleEvents.aSale(store).line(product, 1));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(3).equals(onHand(product, store)));
        sales.send(SaleEvents.aSale(store).line(product, 3));
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 2);
        assertThat(transitions(product)).containsExactly("RAISED LOW_STOCK", "RAISED OUT_OF_STOCK");

        TestCatalog.adjust("RECEIPT", product, store, 20);
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 4);
        List<String> all = transitions(product);
        assertThat(all.subList(0, 2)).containsExactly("RAISED LOW_STOCK", "RAISED OUT_OF_STOCK");
        assertThat(all.subList(2, 4)).containsExactlyInAnyOrder("RESOLVED LOW_STOCK", "RESOLVED OUT_OF_STOCK");
        // and nothing more follows: no storm
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> transitions(product).size() == 4);

        for (KafkaRecorder.Received record : forProduct(product)) {
            Contracts.assertValid("alerts.v1/alert", record.value());
            assertThat(record.ceType()).isEqualTo("io.salespulse.alert.v1");
            assertThat(record.key()).isEqualTo(record.json().get("alertId").asText());
        }
        given().header("Authorization", CLERK).queryParam("productId", product)
                .when().get("/alerts")
                .then().statusCode(200)
                .body("totalItems", is(2))
                .body("items.state", everyItem(is("RESOLVED")))
                .body("items.type", contains("OUT_OF_STOCK", "LOW_STOCK"));
    }

    @Test
    void managersAcknowledgeOpenAlertsWhichStillResolveOnRecovery() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.thresholds(product, store, 5, 2, 20);
        TestCatalog.adjust("RECEIPT", product, store, 4);
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 1);
        String alertId = forProduct(product).get(0).key();

        given().header("Authorization", CLERK).when().post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(403);
        given().header("Authorization", MANAGER).when().post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("state", is("ACKNOWLEDGED")).body("acknowledgedBy", is("manager-1"));
        given().header("Authorization", MANAGER).when().post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("state", is("ACKNOWLEDGED"));
        given().header("Authorization", CLERK).queryParam("state", "ACKNOWLEDGED").queryParam("productId", product)
                .when().get("/alerts")
                .then().statusCode(200).body("items.alertId", contains(alertId));

        TestCatalog.adjust("RECEIPT", product, store, 10);
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 3);
        assertThat(transitions(product)).containsExactly("RAISED LOW_STOCK", "ACKNOWLEDGED LOW_STOCK",
                "RESOLVED LOW_STOCK");
        given().header("Authorization", MANAGER).when().post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aBurstOfSalesPredictsAStockoutBeforeTheLevelIsLow() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.thresholds(product, store, 5, 2, 2000);
        TestCatalog.adjust("RECEIPT", product, store, 1000);

        // 990 sold now: about 114 units/h, so the 10 left last some 5 minutes (the test horizon is 1 h)
        sales.send(SaleEvents.aSale(store).line(product, 990));
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 1);
        assertThat(transitions(product)).containsExactly("RAISED STOCKOUT_PREDICTED");
        KafkaRecorder.Received raised = forProduct(product).get(0);
        Contracts.assertValid("alerts.v1/alert", raised.value());
        assertThat(raised.json().at("/details/hoursToStockout").asDouble()).isLessThan(1.0);
        assertThat(raised.json().at("/details/velocityPerHour").asDouble()).isGreaterThan(100.0);

        TestCatalog.adjust("RECEIPT", product, store, 1000);
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 2);
        assertThat(transitions(product)).containsExactly("RAISED STOCKOUT_PREDICTED", "RESOLVED STOCKOUT_PREDICTED");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("salespulse_alerts_raised_total{type=\"STOCKOUT_PREDICTED\""));
    }

    @Test
    void aPredictionResolvesOnceTheLevelStopsSellingForLong() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.thresholds(product, store, 5, 2, 2000);
        TestCatalog.adjust("RECEIPT", product, store, 1000);
        sales.send(SaleEvents.aSale(store).line(product, 990));
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 1);

        // what the scheduled sweep does, two days (eight half-lives) later: 114 units/h have decayed to under 1
        assertThat(alertService.sweepPredictions(Instant.now().plus(Duration.ofDays(2)), 10_000)).isPositive();

        await().atMost(PATIENCE).until(() -> transitions(product).size() == 2);
        assertThat(transitions(product)).containsExactly("RAISED STOCKOUT_PREDICTED", "RESOLVED STOCKOUT_PREDICTED");
        assertThat(forProduct(product).get(1).json().at("/details/resolution/reason").asText()).isEqualTo("RECOVERED");
    }

    @Test
    void alertRulesGiveLevelsTheirThresholdsAndReevaluateThem() {
        String root = TestCatalog.category(null, "Rules");
        String leaf = TestCatalog.category(root, "Leaf");
        String product = TestCatalog.product(leaf);
        String store = TestCatalog.store();
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("categoryId", root, "reorderPoint", 30, "criticalLevel", 10, "targetLevel", 100))
                .when().put("/alert-rules").then().statusCode(200).body("categoryId", is(root));
        TestCatalog.adjust("RECEIPT", product, store, 50);
        given().header("Authorization", CLERK).queryParam("productId", product)
                .when().get("/inventory")
                .then().statusCode(200)
                .body("items[0].reorderPoint", is(30)).body("items[0].criticalLevel", is(10))
                .body("items[0].thresholdsExplicit", is(false)).body("items[0].status", is("OK"));

        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("productId", product, "reorderPoint", 60, "criticalLevel", 20, "targetLevel", 200))
                .when().put("/alert-rules").then().statusCode(200);

        given().header("Authorization", CLERK).queryParam("productId", product)
                .when().get("/inventory")
                .then().statusCode(200).body("items[0].reorderPoint", is(60)).body("items[0].status", is("LOW"));
        await().atMost(PATIENCE).until(() -> transitions(product).size() == 1);
        assertThat(transitions(product)).containsExactly("RAISED LOW_STOCK");
        given().header("Authorization", CLERK).when().get("/alert-rules")
                .then().statusCode(200).body("defaults.reorderPoint", is(10));
        given().header("Authorization", CLERK).contentType(ContentType.JSON)
                .body(Map.of("productId", product, "reorderPoint", 60, "criticalLevel", 20, "targetLevel", 200))
                .when().put("/alert-rules").then().statusCode(403);
    }

    private static List<KafkaRecorder.Received> forProduct(String product) {
        return alerts.matching(r -> product.equals(r.json().path("productId").asText()));
    }

    /** "STATE TYPE" of every alerts.v1 record of the product, in arrival order. */
    private static List<String> transitions(String product) {
        return forProduct(product).stream()
                .map(r -> r.json().get("state").asText() + " " + r.json().get("type").asText())
                .toList();
    }
}
