package io.salespulse.inventory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.inventory.support.KafkaRecorder;
import io.salespulse.inventory.support.ObservationProducer;
import io.salespulse.inventory.support.Observations;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.inventory.support.SalesProducer;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
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
import static org.hamcrest.Matchers.is;

/**
 * RFID exit reads from Kafka matched with real sale events (real Kafka and PostgreSQL): units leaving without a sale
 * raise one POSSIBLE_SHRINKAGE alert per product and location, visible on GET /alerts and alerts.v1; a cycle count
 * resolves it.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ShrinkageIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static ObservationProducer devices;
    private static SalesProducer sales;
    private static KafkaRecorder alerts;

    @BeforeAll
    static void connect() {
        devices = new ObservationProducer();
        sales = new SalesProducer();
        alerts = KafkaRecorder.of(Topics.ALERTS);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        devices.close();
        sales.close();
        alerts.close();
    }

    @Test
    void unitsLeavingWithoutASaleRaiseOnePossibleShrinkageAlertThatACycleCountResolves() {
        String category = TestCatalog.category(null, "Exit");
        String sold = TestCatalog.product(category);
        String stolen = TestCatalog.product(category);
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", sold, store, 100);
        TestCatalog.adjust("RECEIPT", stolen, store, 100);
        // exits read by the reader 5 minutes ago (due for matching at once); two units of `sold` bought 3 minutes
        // before they passed the exit; `stolen` sold once, 20 minutes earlier (outside the 15 minute window)
        Instant now = Instant.now().minusSeconds(300);
        sales.send(SaleEvents.aSale(store).line(sold, 2).occurredAt(now.minusSeconds(180)));
        sales.send(SaleEvents.aSale(store).line(stolen, 1).occurredAt(now.minusSeconds(1200)));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(98).equals(onHand(sold, store))
                && Integer.valueOf(99).equals(onHand(stolen, store)));

        Observations exit = Observations.anExitRead(store).zone("EXIT").between(now, now.plusSeconds(1))
                .exit(gtin(sold), sold, 2, now.toString())
                .exit("0" + gtin(stolen), null, 2, now.plusSeconds(1).toString());
        devices.send(exit);
        devices.send(exit); // redelivered: stored once, matched once

        await().atMost(PATIENCE).until(() -> shrinkageAlerts(stolen).size() == 1);
        KafkaRecorder.Received raised = shrinkageAlerts(stolen).get(0);
        Contracts.assertValid("alerts.v1/alert", raised.value());
        assertThat(raised.json().get("state").asText()).isEqualTo("RAISED");
        assertThat(raised.json().get("locationId").asText()).isEqualTo(store);
        assertThat(raised.json().get("details").get("units").asInt()).isEqualTo(2);
        assertThat(raised.json().get("details").get("matchWindowSeconds").asInt()).isEqualTo(900);
        assertThat(raised.json().get("message").asText())
                .isEqualTo("Possible shrinkage: 2 unit(s) of " + stolen + " at " + store
                        + " left through an exit without a matching sale");
        String alertId = raised.key();

        // a third unit of `sold` leaves without a sale (both sold units justified the first two), and one more of
        // `stolen`: the open alert of `stolen` grows, `sold` gets its own
        Instant later = now.plusSeconds(60);
        devices.send(Observations.anExitRead(store).zone("EXIT").between(later, later)
                .exit(gtin(sold), sold, 1, later.toString())
                .exit(gtin(stolen), stolen, 1, later.toString()));
        await().atMost(PATIENCE).until(() -> shrinkageAlerts(sold).size() == 1);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(3).equals(alertDetail(alertId, "units")));
        assertThat(shrinkageAlerts(stolen)).hasSize(1);
        assertThat(shrinkageAlerts(sold).get(0).json().get("details").get("units").asInt()).isEqualTo(1);

        given().header("Authorization", CLERK)
                .queryParam("type", "POSSIBLE_SHRINKAGE").queryParam("locationId", store)
                .when().get("/alerts")
                .then().statusCode(200).body("totalItems", is(2));
        given().header("Authorization", MANAGER).when().post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("state", is("ACKNOWLEDGED"));

        // a count finds 97 of `stolen` where the books say 99: the alert resolves with the difference
        devices.send(Observations.aCycleCount(store).count(gtin(stolen), stolen, 97));
        await().atMost(PATIENCE).until(() -> shrinkageAlerts(stolen).stream()
                .anyMatch(r -> r.json().get("state").asText().equals("RESOLVED")));
        var resolved = shrinkageAlerts(stolen).stream()
                .filter(r -> r.json().get("state").asText().equals("RESOLVED")).toList();
        assertThat(resolved).hasSize(1);
        Contracts.assertValid("alerts.v1/alert", resolved.get(0).value());
        assertThat(resolved.get(0).json().get("details").get("resolution").get("difference").asInt()).isEqualTo(-2);
        given().header("Authorization", CLERK).when().get("/alerts/{id}", alertId)
                .then().statusCode(200).body("state", is("RESOLVED")).body("details.units", is(3));
        // exit reads move no stock: only sales and counts do
        assertThat(onHand(stolen, store)).isEqualTo(99);
        // and `sold` was not counted, so its alert stays open
        given().header("Authorization", CLERK).when().get("/alerts/{id}", shrinkageAlerts(sold).get(0).key())
                .then().statusCode(200).body("state", is("RAISED"));
    }

    @Test
    void everyExitJustifiedBySalesRaisesNothing() {
        String product = TestCatalog.product(TestCatalog.category(null, "Paid"));
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 50);
        Instant now = Instant.now();
        sales.send(SaleEvents.aSale(store).line(product, 1).occurredAt(now.minusSeconds(30)));
        sales.send(SaleEvents.aSale(store).line(product, 1).occurredAt(now.plusSeconds(20)));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(48).equals(onHand(product, store)));
        String probe = TestCatalog.product(TestCatalog.category(null, "Probe"));
        TestCatalog.adjust("RECEIPT", probe, store, 5);

        devices.send(Observations.anExitRead(store).zone("EXIT").between(now, now)
                .exit(gtin(product), product, 2, now.toString()));
        // a probe exit on the same partition, after it: once the probe's alert is out, the first one was settled
        devices.send(Observations.anExitRead(store).zone("EXIT").between(now, now)
                .exit(gtin(probe), probe, 1, now.toString()));
        await().atMost(PATIENCE).until(() -> shrinkageAlerts(probe).size() == 1);
        assertThat(shrinkageAlerts(product)).isEmpty();
        given().header("Authorization", CLERK).queryParam("productId", product)
                .when().get("/alerts").then().statusCode(200).body("totalItems", is(0));
    }

    private static List<KafkaRecorder.Received> shrinkageAlerts(String product) {
        return alerts.matching(r -> product.equals(r.json().path("productId").asText())
                && "POSSIBLE_SHRINKAGE".equals(r.json().path("type").asText()));
    }

    private static Integer alertDetail(String alertId, String detail) {
        return given().header("Authorization", CLERK).when().get("/alerts/{id}", alertId)
                .then().statusCode(200).extract().path("details." + detail);
    }

    private static String gtin(String productId) {
        Map<?, ?> product = given().header("Authorization", CLERK).when().get("/products/{id}", productId)
                .then().statusCode(200).extract().as(Map.class);
        return (String) product.get("gtin");
    }
}
