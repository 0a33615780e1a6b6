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
import io.salespulse.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static io.salespulse.inventory.support.TestCatalog.onHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** RFID cycle counts from Kafka reconciled with the books, and applied by a manager, with real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReconciliationIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ANALYST = TestTokens.bearer("analyst-1", "analyst");
    private static ObservationProducer devices;
    private static SalesProducer sales;
    private static KafkaRecorder deadLetters;

    @BeforeAll
    static void connect() {
        devices = new ObservationProducer();
        sales = new SalesProducer();
        deadLetters = KafkaRecorder.of(Topics.DEAD_LETTER);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        devices.close();
        sales.close();
        deadLetters.close();
    }

    @Test
    void aCycleCountReportsShrinkageAndApplyingItCorrectsTheLevelsExactly() {
        String category = TestCatalog.category(null, "Rfid");
        String missing = TestCatalog.product(category);
        String matching = TestCatalog.product(category);
        String surplus = TestCatalog.product(category);
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", missing, store, 20);
        TestCatalog.adjust("RECEIPT", matching, store, 5);
        TestCatalog.adjust("RECEIPT", surplus, store, 7);
        String unknownGtin = TestCatalog.randomGtin13();
        Observations count = Observations.aCycleCount(store)
                .count(gtin(missing), missing, 17)
                .count(gtin(matching), matching, 5)
                .count("0" + gtin(surplus), null, 9)
                .count(unknownGtin, null, 4);

        devices.send(count);
        // Redelivery of the same count, then things that cannot be reconciled, all on the store's partition: once
        // their dead letters are out, the duplicate has been consumed too.
        devices.send(count);
        devices.send(Observations.anExitRead(store).count(gtin(missing), missing, 1));
        String garbage = TestCatalog.uniqueId("garbage");
        devices.sendRaw(store, ("{\"observationId\":\"" + garbage + "\"}").getBytes(StandardCharsets.UTF_8));
        Observations nowhere = Observations.aCycleCount("ST-NOWHERE").count(gtin(missing), missing, 1);
        devices.send(nowhere);

        await().atMost(PATIENCE).until(() -> deadLetters.matching(r -> r.value().contains(garbage)).size() == 1
                && deadLetters.matching(r -> r.value().contains(nowhere.observationId())).size() == 1);
        for (var deadLetter : deadLetters.matching(r -> r.value().contains(garbage)
                || r.value().contains(nowhere.observationId()))) {
            Contracts.assertValid("sales.deadletter.v1/dead-letter", deadLetter.value());
            assertThat(deadLetter.key()).isEqualTo(Topics.DEVICE_OBSERVATIONS);
            assertThat(deadLetter.json().get("service").asText()).isEqualTo("inventory-service");
        }
        assertThat(deadLetters.matching(r -> r.value().contains(garbage)).get(0).json().get("reason").asText())
                .isEqualTo("Invalid observation: Invalid UUID string: " + garbage);
        assertThat(deadLetters.matching(r -> r.value().contains(nowhere.observationId())).get(0).json()
                .get("reason").asText()).isEqualTo("Unknown location ST-NOWHERE");

        given().header("Authorization", ANALYST).queryParam("locationId", store)
                .when().get("/inventory/reconciliations")
                .then().statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].reconciliationId", is(count.observationId()))
                .body("items[0].status", is("OPEN"))
                .body("items[0].zone", is("sales-floor"))
                .body("items[0].productsCounted", is(3)).body("items[0].productsDiffering", is(2))
                .body("items[0].unitsExpected", is(32)).body("items[0].unitsObserved", is(31))
                .body("items[0].shrinkageUnits", is(3)).body("items[0].surplusUnits", is(2))
                .body("items[0].unknownGtins", is(1));
        given().header("Authorization", MANAGER).queryParam("differencesOnly", true)
                .when().get("/inventory/reconciliations/{id}", count.observationId())
                .then().statusCode(200)
                .body("lines.productId", contains(sorted(missing, surplus)[0], sorted(missing, surplus)[1], null))
                .body("lines.find { it.productId == '" + missing + "' }.expected", is(20))
                .body("lines.find { it.productId == '" + missing + "' }.observed", is(17))
                .body("lines.find { it.productId == '" + missing + "' }.difference", is(-3))
                .body("lines.find { it.productId == '" + surplus + "' }.difference", is(2))
                .body("lines.find { it.productId == null }.gtin", is(unknownGtin));
        given().header("Authorization", CLERK).when().get("/inventory/reconciliations").then().statusCode(403);

        // A sale after the count: applying books the differences, so the sale is not undone.
        sales.send(SaleEvents.aSale(store).line(missing, 1));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(19).equals(onHand(missing, store)));
        given().header("Authorization", ANALYST)
                .when().post("/inventory/reconciliations/{id}/apply", count.observationId())
                .then().statusCode(403);
        given().header("Authorization", MANAGER)
                .when().post("/inventory/reconciliations/{id}/apply", count.observationId())
                .then().statusCode(200)
                .body("reconciliation.status", is("APPLIED"))
                .body("reconciliation.appliedBy", is("manager-1"))
                .body("reconciliation.appliedAt", notNullValue())
                .body("movements.cause", contains("COUNT", "COUNT"))
                .body("movements.quantity", containsInAnyOrder(-3, 2))
                .body("movements.eventId", contains(count.observationId(), count.observationId()));
        assertThat(onHand(missing, store)).isEqualTo(16);
        assertThat(onHand(matching, store)).isEqualTo(5);
        assertThat(onHand(surplus, store)).isEqualTo(9);

        given().header("Authorization", MANAGER)
                .when().post("/inventory/reconciliations/{id}/apply", count.observationId())
                .then().statusCode(409).body("title", is("Reconciliation already applied"));
        given().header("Authorization", MANAGER)
                .when().post("/inventory/reconciliations/{id}/apply", "9d6c1b9e-8f51-4b59-9f5e-3a3c1d2b4e01")
                .then().statusCode(404);
        assertThat(onHand(missing, store)).isEqualTo(16);
    }

    private static String gtin(String productId) {
        Map<?, ?> product = given().header("Authorization", CLERK).when().get("/products/{id}", productId)
                .then().statusCode(200).extract().as(Map.class);
        return (String) product.get("gtin");
    }

    private static String[] sorted(String a, String b) {
        return a.compareTo(b) <= 0 ? new String[] {a, b} : new String[] {b, a};
    }
}
