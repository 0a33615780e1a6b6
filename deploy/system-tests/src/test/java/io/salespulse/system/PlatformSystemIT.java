package io.salespulse.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The platform foundation through the gateway, with real Keycloak tokens, Kafka and PostgreSQL. */
class PlatformSystemIT {
    private static SystemStack stack;
    private static String clerk;
    private static String analyst;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        clerk = KeycloakTokens.accessToken(stack, "clerk");
        analyst = KeycloakTokens.accessToken(stack, "analyst");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INGEST_PORT", "ORDERS_PORT", "INVENTORY_PORT", "ANALYTICS_PORT", "RECOMMENDATIONS_PORT",
        "DEVICES_PORT", "GATEWAY_MANAGEMENT_PORT"})
    void everyServiceIsHealthy(String portVariable) {
        given().baseUri(stack.serviceUrl(portVariable))
                .when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void everyBusinessMetricTheAlertRulesWatchIsExposed() throws Exception {
        // Per-channel timers exist from a channel's first sale on.
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                .body("{\"productId\":\"P-1001\",\"quantity\":1,\"price\":\"2.20\"}")
                .when().post("/api/orders")
                .then().statusCode(202);
        String rules = java.nio.file.Files.readString(stack.root().resolve("deploy/prometheus/alerts.yml"));
        java.util.Set<String> watched = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("salespulse_[a-z_]+").matcher(rules);
        while (m.find()) {
            watched.add(m.group());
        }
        StringBuilder exposed = new StringBuilder();
        for (String port : java.util.List.of("INGEST_PORT", "ORDERS_PORT", "INVENTORY_PORT", "ANALYTICS_PORT",
                "RECOMMENDATIONS_PORT", "DEVICES_PORT", "GATEWAY_MANAGEMENT_PORT")) {
            exposed.append(given().baseUri(stack.serviceUrl(port)).when().get("/q/metrics")
                    .then().statusCode(200).extract().asString());
        }
        String all = exposed.toString();
        org.assertj.core.api.Assertions.assertThat(watched).isNotEmpty()
                .allSatisfy(metric -> org.assertj.core.api.Assertions.assertThat(
                        all.contains(metric + " ") || all.contains(metric + "{")).as(metric).isTrue());
    }

    @Test
    void theGatewaysPublicPortServesNoOperatorEndpoint() {
        given().baseUri(stack.gatewayUrl()).when().get("/q/metrics").then().statusCode(404);
        given().baseUri(stack.serviceUrl("GATEWAY_MANAGEMENT_PORT")).when().get("/q/metrics")
                .then().statusCode(200).body(containsString("gateway_upstream_requests_seconds"));
    }

    @Test
    void withoutATokenTheGatewayAnswers401AsProblemJson() {
        given().baseUri(stack.gatewayUrl())
                .when().get("/api/orders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void whoamiAnswersTheKeycloakUserAndRoles() {
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk)
                .when().get("/api/whoami")
                .then().statusCode(200)
                .body("username", equalTo("clerk"))
                .body("roles", hasItem("clerk"))
                .body("roles", not(hasItem("manager")));
    }

    @Test
    void anAnalystMayNotEnterSales() {
        given().baseUri(stack.gatewayUrl()).auth().oauth2(analyst)
                .contentType(ContentType.JSON)
                .body("{\"productId\":\"P-1\",\"quantity\":1,\"price\":\"2.50\"}")
                .when().post("/api/orders")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theDemoClerkRecordsSalesAtHerTwoStoresOnly() {
        String counterSale = "{\"externalId\":\"bound-%s\",\"channel\":\"STORE\",\"locationId\":\"%s\","
                + "\"currency\":\"EUR\",\"lines\":[{\"productId\":\"P-1001\",\"quantity\":1,\"unitPrice\":\"2.20\"}]}";
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(counterSale.formatted(java.util.UUID.randomUUID(), "ST-003"))
                .when().post("/api/orders")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("only at ST-001, ST-005"));
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(counterSale.formatted(java.util.UUID.randomUUID(), "ST-005"))
                .when().post("/api/orders")
                .then().statusCode(202);
    }

    @Test
    void theDemoClerkImportsAndTakesBackOnlyHerStoresSales() {
        String receipt = "bound-" + java.util.UUID.randomUUID();
        String csv = "store,receipt_id,timestamp,sku_or_gtin,quantity,unit_price,payment_type\n"
                + "ST-003," + receipt + ",2026-03-14T09:00:00Z,SKU-ESPRESSO,1,2.20,CARD\n"
                + "ST-005," + receipt + ",2026-03-14T09:00:00Z,SKU-ESPRESSO,1,2.20,CARD\n";
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType("text/csv").body(csv)
                .when().post("/api/imports/pos")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected[0].row", equalTo(2))
                .body("rejected[0].reason", containsString("ST-003 is not one of your stores"));

        String desk = "{\"productId\":\"P-1001\",\"locationId\":\"%s\",\"quantity\":1,\"returnOf\":\"%s\"}";
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(desk.formatted("ST-003", "paper-receipt-" + receipt))
                .when().post("/api/inventory/returns")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("only for your stores (ST-001, ST-005)"));
        given().baseUri(stack.gatewayUrl()).auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(desk.formatted("ST-005", "paper-receipt-" + receipt))
                .when().post("/api/inventory/returns")
                .then().statusCode(201).body("restockedAt", equalTo("ST-005"));
    }

    @Test
    void anAnalystTokenReachesOrderServiceThroughTheGateway() {
        given().baseUri(stack.gatewayUrl()).auth().oauth2(analyst)
                .when().get("/api/orders")
                .then().statusCode(200)
                .header("X-Request-Id", not(equalTo("")))
                .body("items", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theGatewayServesTheFrontendWithSecurityHeaders() {
        given().baseUri(stack.gatewayUrl())
                .when().get("/")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("Sales Pulse"));
    }
}
