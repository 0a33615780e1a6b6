package io.salespulse.system;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Returns through the gateway with a real Keycloak clerk: channel-ingest checks each against its sale at order-service
 * (with its own service token) before accepting it, and a retry of an accepted return is still answered as one.
 */
class ReturnSystemIT {
    private static final Duration RECORDED = Duration.ofSeconds(15);
    private static SystemStack stack;
    private static String clerk;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        clerk = KeycloakTokens.accessToken(stack, "clerk");
    }

    @Test
    void aReturnMayBringBackWhatItsSaleSoldAndNoMore() {
        String id = UUID.randomUUID().toString();
        String saleId = "sale-" + id;
        String eventId = post("SALE", saleId, null, "P-1001", 2).statusCode(202).extract().path("eventId");
        await().atMost(RECORDED).until(() -> returnable(eventId).extract().statusCode() == 200);

        post("RETURN", "return-1-" + id, eventId, "P-1001", 1).statusCode(202);
        await().atMost(RECORDED).until(() -> returnable(eventId).extract().<Integer>path("lines[0].returned") == 1);

        post("RETURN", "return-2-" + id, eventId, "P-1001", 2)
                .statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Return exceeds sale"))
                .body("detail", containsString("P-1001: 2 returned, 2 sold, 1 came back already"));
        post("RETURN", "return-3-" + id, eventId, "P-1009", 1)
                .statusCode(422).body("title", equalTo("Product not in sale"));
        // The first return again (a till retrying after a timeout): its first answer, not a refusal.
        post("RETURN", "return-1-" + id, eventId, "P-1001", 1)
                .statusCode(202).header("Idempotent-Replayed", "true");
        // The last unit, naming the sale by its externalId within the clerk's source.
        post("RETURN", "return-4-" + id, saleId, "P-1001", 1).statusCode(202);
        await().atMost(RECORDED).until(() -> returnable(eventId).extract().<Integer>path("lines[0].returnable") == 0);
        returnable(eventId).body("lines[0].sold", equalTo(2)).body("lines[0].returned", equalTo(2));
    }

    private static ValidatableResponse post(String type, String externalId, String returnOf, String productId,
                                            int quantity) {
        Map<String, Object> order = new HashMap<>(Map.of("type", type, "externalId", externalId, "channel", "STORE",
                "locationId", "ST-001", "currency", "EUR",
                "lines", List.of(Map.of("productId", productId, "quantity", quantity, "unitPrice", "2.20"))));
        if (returnOf != null) {
            order.put("returnOf", returnOf);
        }
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON).body(order)
                .when().post("/api/orders").then();
    }

    private static ValidatableResponse returnable(String returnOf) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).queryParam("returnOf", returnOf)
                .when().get("/api/orders/returnable").then();
    }
}
