package io.salespulse.inventory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.inventory.support.SalesProducer;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static io.salespulse.inventory.support.TestCatalog.onHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Returns: restocked where sold, damaged goods to quarantine, always linked to the sale and never beyond it. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReturnsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String QUARANTINE = "QUARANTINE";
    private static SalesProducer sales;

    @BeforeAll
    static void connect() {
        sales = new SalesProducer();
    }

    @AfterAll
    static void disconnect() {
        sales.close();
    }

    @Test
    void returnsOfAKnownSaleRestockWhereItWasSoldOrQuarantineDamagedGoods() {
        String product = TestCatalog.product();
        String other = TestCatalog.product();
        String store = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, store, 10);
        SaleEvents sale = SaleEvents.aSale(store).line(product, 4);
        sales.send(sale);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(6).equals(onHand(product, store)));

        // A RETURN event from the till restocks at its location and keeps the link to the sale.
        sales.send(SaleEvents.aReturn(store, sale.eventId()).line(product, 1));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(7).equals(onHand(product, store)));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", store)
                .when().get("/inventory/movements")
                .then().statusCode(200)
                .body("items[0].cause", is("RETURN")).body("items[0].returnOf", is(sale.eventId()));

        // A damaged unit goes to quarantine: not back on the shelf, and no stock alerts for quarantined goods.
        returned(CLERK, product, null, 1, true, sale.eventId(), "screen cracked")
                .statusCode(201)
                .body("saleVerified", is(true)).body("originalLocationId", is(store))
                .body("restockedAt", is(QUARANTINE)).body("damaged", is(true))
                .body("movement.cause", is("RETURN")).body("movement.quantity", is(1))
                .body("movement.locationId", is(QUARANTINE)).body("movement.returnOf", is(sale.eventId()))
                .body("movement.user", is("clerk-1"))
                .body("movement.note", containsString("sold at " + store))
                .body("level.onHand", is(1));
        assertThat(onHand(product, store)).isEqualTo(7);
        assertThat(onHand(product, QUARANTINE)).isEqualTo(1);
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", QUARANTINE)
                .when().get("/alerts").then().statusCode(200).body("totalItems", is(0));
        given().header("Authorization", CLERK).when().get("/locations/{id}", QUARANTINE)
                .then().statusCode(200).body("kind", is("WAREHOUSE"));

        // An intact return of a known sale restocks where it was sold, whatever the desk says.
        returned(MANAGER, product, store, 2, false, sale.eventId(), null)
                .statusCode(201).body("restockedAt", is(store)).body("level.onHand", is(9));
        // 1 + 1 + 2 of 4 sold came back: one more is all there can be.
        returned(CLERK, product, null, 2, false, sale.eventId(), null)
                .statusCode(409).body("title", is("Return exceeds sale"));
        returned(CLERK, product, TestCatalog.store(), 1, false, sale.eventId(), null)
                .statusCode(422).body("title", is("Wrong location"));
        returned(CLERK, other, null, 1, false, sale.eventId(), null)
                .statusCode(422).body("title", is("Product not in sale"));
        returned(TestTokens.bearer("analyst-1", "analyst"), product, null, 1, false, sale.eventId(), null)
                .statusCode(403);
        assertThat(onHand(product, store)).isEqualTo(9);
    }

    @Test
    void returnEventsRestockWhereTheSaleWasMadeAndQuarantineDamagedLines() {
        String product = TestCatalog.product();
        String soldAt = TestCatalog.store();
        String returnedAt = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, soldAt, 10);
        SaleEvents sale = SaleEvents.aSale(soldAt).line(product, 5);
        sales.send(sale);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(5).equals(onHand(product, soldAt)));

        // Brought back to another store: 2 intact units go back where they were sold, 1 damaged to quarantine.
        SaleEvents ret = SaleEvents.aReturn(returnedAt, sale.eventId())
                .line(product, 2, "RESALABLE").line(product, 1, "DAMAGED");
        sales.send(ret);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(7).equals(onHand(product, soldAt)));
        assertThat(onHand(product, QUARANTINE)).isEqualTo(1);
        assertThat(onHand(product, returnedAt)).isNull();
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", QUARANTINE)
                .when().get("/inventory/movements")
                .then().statusCode(200).body("totalItems", is(1))
                .body("items[0].cause", is("RETURN")).body("items[0].eventId", is(ret.eventId()))
                .body("items[0].lineNo", is(2)).body("items[0].returnOf", is(sale.eventId()))
                .body("items[0].note", is("Damaged; sold at " + soldAt));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", soldAt)
                .when().get("/inventory/movements")
                .then().statusCode(200)
                .body("items[0].lineNo", is(1)).body("items[0].quantity", is(2))
                .body("items[0].note", is("Returned at " + returnedAt + "; restocked where sold"));
        given().header("Authorization", CLERK).queryParam("productId", product).queryParam("locationId", QUARANTINE)
                .when().get("/alerts").then().statusCode(200).body("totalItems", is(0));

        // Redelivered, it changes nothing: a sale sent after it on the same partition shows it was consumed.
        sales.send(ret);
        sales.send(SaleEvents.aSale(soldAt).withKeyOf(ret).line(product, 1));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(6).equals(onHand(product, soldAt)));
        assertThat(onHand(product, QUARANTINE)).isEqualTo(1);

        // A sale inventory never saw: damaged goods still go to quarantine, intact ones stay where returned.
        sales.send(SaleEvents.aReturn(returnedAt, "shopify:R-4712").line(product, 3, "DAMAGED").line(product, 1));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(onHand(product, returnedAt)));
        assertThat(onHand(product, QUARANTINE)).isEqualTo(4);
        assertThat(onHand(product, soldAt)).isEqualTo(6);
    }

    @Test
    void aSaleInventoryNeverSawNeedsTheLocationOfTheReturn() {
        String product = TestCatalog.product();
        String store = TestCatalog.store();

        returned(CLERK, product, null, 1, false, "shopify:R-4711", null)
                .statusCode(422).body("title", is("Unknown sale"));
        returned(CLERK, product, store, 3, false, "shopify:R-4711", "receipt from 2019")
                .statusCode(201)
                .body("saleVerified", is(false)).body("originalLocationId", nullValue())
                .body("restockedAt", is(store)).body("movement.returnOf", is("shopify:R-4711"));
        returned(CLERK, product, store, 0, false, "shopify:R-4711", null).statusCode(400);
        assertThat(onHand(product, store)).isEqualTo(3);
    }

    @Test
    void aClerkBoundToStoresTakesBackOnlyWhatTheirStoresSold() {
        String product = TestCatalog.product();
        String theirs = TestCatalog.store();
        String other = TestCatalog.store();
        TestCatalog.adjust("RECEIPT", product, other, 5);
        SaleEvents sale = SaleEvents.aSale(other).line(product, 2);
        sales.send(sale);
        await().atMost(PATIENCE).until(() -> Integer.valueOf(3).equals(onHand(product, other)));
        String bound = TestTokens.bearerWith("locations", List.of(theirs), "clerk-2", "clerk");

        // Neither a sale of another store, damaged or not, nor an unknown sale said to be from there.
        returned(bound, product, null, 1, false, sale.eventId(), null)
                .statusCode(403).contentType("application/problem+json")
                .body("title", is("Location not permitted")).body("detail", containsString(theirs));
        returned(bound, product, null, 1, true, sale.eventId(), null).statusCode(403);
        returned(bound, product, other, 1, false, "receipt-" + sale.eventId(), null).statusCode(403);
        assertThat(onHand(product, other)).isEqualTo(3);
        assertThat(onHand(product, QUARANTINE)).isNull();

        // Their own store's unknown sale is theirs to take back; an unbound clerk takes back any store's.
        returned(bound, product, theirs, 1, false, "receipt-" + sale.eventId(), null)
                .statusCode(201).body("movement.user", is("clerk-2")).body("restockedAt", is(theirs));
        returned(CLERK, product, null, 1, false, sale.eventId(), null)
                .statusCode(201).body("restockedAt", is(other)).body("level.onHand", is(4));
    }

    private static ValidatableResponse returned(String token, String product, String location, int quantity,
                                                boolean damaged, String returnOf, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("productId", product, "quantity", quantity,
                "damaged", damaged, "returnOf", returnOf));
        if (location != null) {
            body.put("locationId", location);
        }
        if (note != null) {
            body.put("note", note);
        }
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/inventory/returns").then();
    }
}
