package io.salespulse.recommendations;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.recommendations.domain.LocationInfo;
import io.salespulse.recommendations.domain.Weather;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** GET /recommendations over faked inputs and weather: rules, degradation, climatology fallback, roles. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServicesResource.class)
class RecommendationsIT {

    static final String MANAGER = TestTokens.bearer("maria", "manager");

    private static final String LOCATIONS = """
            {"items": [
              {"id": "ST-001", "name": "London Soho", "kind": "STORE", "region": "UK South", "latitude": 51.5136, "longitude": -0.1365, "timeZone": "Europe/London", "active": true},
              {"id": "ST-002", "name": "Manchester Piccadilly", "kind": "STORE", "region": "UK North", "latitude": 53.4774, "longitude": -2.2309, "timeZone": "Europe/London", "active": true},
              {"id": "ST-003", "name": "Berlin Mitte", "kind": "STORE", "region": "DACH", "latitude": 52.52, "longitude": 13.405, "timeZone": "Europe/Berlin", "active": true},
              {"id": "ST-006", "name": "Madrid Sol", "kind": "STORE", "region": "Iberia", "latitude": 40.4169, "longitude": -3.7035, "timeZone": "Europe/Madrid", "active": true}
            ], "page": 0, "size": 200, "totalItems": 4}""";

    private static final String PRODUCTS = """
            {"items": [
              {"id": "P-1001", "sku": "SKU-ESPRESSO", "name": "Espresso", "categoryId": "coffee", "unitPrice": "2.20", "unitCost": "0.45", "currency": "EUR", "attributes": {"temperature": "hot"}, "active": true},
              {"id": "P-1010", "sku": "SKU-COLAZERO-330", "name": "Cola zero 330 ml", "categoryId": "soft-drinks", "unitPrice": "1.90", "unitCost": "0.55", "currency": "EUR", "attributes": {"temperature": "cold"}, "active": true},
              {"id": "P-1011", "sku": "SKU-LEMONADE-500", "name": "Lemonade 500 ml", "categoryId": "soft-drinks", "unitPrice": "2.30", "unitCost": "0.60", "currency": "EUR", "attributes": {"temperature": "cold"}, "active": true},
              {"id": "P-1030", "sku": "SKU-TSHIRT-LOGO", "name": "Logo t-shirt", "categoryId": "apparel", "unitPrice": "17.90", "unitCost": "6.00", "currency": "EUR", "attributes": {"kind": "merch"}, "active": true}
            ], "page": 0, "size": 200, "totalItems": 4}""";

    private static String levels(String locationId) {
        // cola zero sells fast with little left; the t-shirt hardly sells and piles up
        return """
                {"items": [
                  {"productId": "P-1001", "locationId": "%1$s", "onHand": 200, "reserved": 0, "available": 200, "targetLevel": 400, "status": "OK", "salesVelocityPerHour": 2.0},
                  {"productId": "P-1010", "locationId": "%1$s", "onHand": 30, "reserved": 0, "available": 30, "targetLevel": 400, "status": "LOW", "salesVelocityPerHour": 12.5},
                  {"productId": "P-1011", "locationId": "%1$s", "onHand": 200, "reserved": 0, "available": 200, "targetLevel": 400, "status": "OK", "salesVelocityPerHour": 2.0},
                  {"productId": "P-1030", "locationId": "%1$s", "onHand": 300, "reserved": 0, "available": 300, "targetLevel": 400, "status": "OK", "salesVelocityPerHour": 0.05}
                ], "page": 0, "size": 500, "totalItems": 4}""".formatted(locationId);
    }

    private static final String EXPIRING = """
            {"items": [
              {"lotId": 7, "productId": "P-1011", "locationId": "ST-001", "lotCode": "L-2026-07", "expiresOn": "2026-07-17", "daysToExpiry": 2, "expired": false, "quantityOnHand": 40}
            ], "page": 0, "size": 500, "totalItems": 1}""";

    private static final String ANALYTICS = """
            {"generatedAt": "2026-07-15T12:00:00Z", "currency": "EUR", "totalRevenue": "100.00",
             "topProducts": [{"productId": "P-1010", "name": "Cola zero 330 ml", "units": 42, "revenue": "79.80"}],
             "today": {"date": "2026-07-15", "revenue": "379.80", "orders": 130, "units": 160},
             "lastMinute": {"windowEnd": "2026-07-15T12:00:00Z", "revenue": "11.40", "orders": 3,
                            "previousRevenue": "3.80", "previousOrders": 1, "revenueChange": "7.60", "revenueChangePct": 200.0},
             "topProductsByUnits": [{"productId": "P-1010", "name": "Cola zero 330 ml", "units": 42, "revenue": "79.80"}],
             "topProductsLastMinute": [{"productId": "P-1010", "name": "Cola zero 330 ml", "units": 6, "revenue": "11.40"}],
             "lastHour": [{"minute": "2026-07-15T11:01:00Z", "revenue": "100.00", "orders": 25},
                          {"minute": "2026-07-15T11:30:00Z", "revenue": "6.80", "orders": 3},
                          {"minute": "2026-07-15T11:59:00Z", "revenue": "11.40", "orders": 3}],
             "byLocation": [{"key": "ST-001", "revenue": "79.80", "orders": 30, "units": 42}]}""";

    @BeforeEach
    void stubInputs() {
        stubDefaults();
    }

    /** Resets the fake services and stubs the demo inputs: four stores, four products, stock, one expiring lot. */
    static void stubDefaults() {
        var wm = FakeServicesResource.server();
        wm.resetAll();
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/locations")).willReturn(WireMock.okJson(LOCATIONS)));
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/products")).willReturn(WireMock.okJson(PRODUCTS)));
        for (var id : List.of("ST-001", "ST-002", "ST-003", "ST-006")) {
            wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/inventory")).withQueryParam("locationId", WireMock.equalTo(id)).willReturn(WireMock.okJson(levels(id))));
        }
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/inventory/expiring")).willReturn(WireMock.okJson(EXPIRING)));
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/analytics")).willReturn(WireMock.okJson(ANALYTICS)));
    }

    @Test
    void hotDayInLondonPromotesColdDrinksAndPricesWithinBoundsWithTheCallersToken() {
        FakeServicesResource.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/forecast"))
                .withQueryParam("latitude", WireMock.equalTo("51.5136"))
                .withQueryParam("current", WireMock.equalTo("temperature_2m,precipitation,weather_code"))
                .willReturn(WireMock.okJson(sample("open-meteo-current.json"))));

        var body = given().header("Authorization", MANAGER).queryParam("locationId", "ST-001")
                .when().get("/recommendations")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("source", equalTo("rules"))
                .body("generatedAt", notNullValue())
                .body("warnings", empty())
                .body("weather", hasSize(1))
                .body("weather[0].locationId", equalTo("ST-001"))
                .body("weather[0].source", equalTo("open-meteo"))
                .body("weather[0].temperatureC", equalTo(29.4f))
                .body("weather[0].condition", equalTo("CLEAR"))
                .extract().jsonPath();

        List<Map<String, Object>> promotions = body.getList("promotions");
        assertThat(promotions).extracting(p -> p.get("productId") + ":" + p.get("action"))
                .contains("P-1010:PROMOTE", "P-1011:PROMOTE", "P-1010:RESTOCK", "P-1011:DISCOUNT", "P-1030:DISCOUNT")
                .doesNotContain("P-1001:PROMOTE");
        assertThat(promotions).allSatisfy(p -> {
            assertThat(p).containsKeys("reason", "expectedImpact", "confidence");
            assertThat(p.get("locationId")).isEqualTo("ST-001");
        });
        List<Map<String, Object>> pricing = body.getList("pricing");
        assertThat(pricing).extracting(p -> p.get("productId") + " " + p.get("currentPrice") + "->" + p.get("suggestedPrice"))
                .containsExactlyInAnyOrder("P-1011 2.3->1.96", "P-1010 1.9->2.0", "P-1030 17.9->16.11");
        assertThat(pricing).allSatisfy(p -> assertThat(((Number) p.get("changePct")).doubleValue()).isBetween(-15.0, 15.0));

        // inventory saw the user's own token: it checks the caller's roles, not ours
        FakeServicesResource.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/inventory"))
                .withHeader("Authorization", WireMock.equalTo(MANAGER)));
        FakeServicesResource.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/analytics"))
                .withHeader("Authorization", WireMock.equalTo(MANAGER)));
    }

    @Test
    void malformedOrSlowWeatherFallsBackToClimatology() {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", WireMock.equalTo("40.4169"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"current\": ")));
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/forecast")).withQueryParam("latitude", WireMock.equalTo("52.52"))
                .willReturn(WireMock.okJson(sample("open-meteo-current.json")).withFixedDelay(2500)));

        for (var id : List.of("ST-006", "ST-003")) {
            given().header("Authorization", MANAGER).queryParam("locationId", id)
                    .when().get("/recommendations")
                    .then().statusCode(200)
                    .body("source", equalTo("rules"))
                    .body("weather[0].locationId", equalTo(id))
                    .body("weather[0].source", equalTo("climatology"))
                    .body("weather[0].temperatureC", notNullValue());
        }
    }

    @Test
    void inputServiceDownDegradesWithAWarningInsteadOfFailing() {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/analytics")).willReturn(WireMock.aResponse().withStatus(503)));
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/inventory/expiring")).willReturn(WireMock.aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/forecast")).willReturn(WireMock.aResponse().withStatus(500)));

        given().header("Authorization", TestTokens.bearer("ann", "analyst")).queryParam("locationId", "ST-002")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"))
                .body("warnings", hasSize(2))
                .body("warnings", hasItems(containsString("analytics-service"), containsString("expiring")))
                .body("weather[0].source", equalTo("climatology"))
                .body("pricing.productId", hasItem("P-1010"));
    }

    @Test
    void unknownLocationIs404AndOtherRolesAreRefused() {
        given().header("Authorization", MANAGER).queryParam("locationId", "ST-404")
                .when().get("/recommendations")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("carl", "clerk"))
                .when().get("/recommendations")
                .then().statusCode(403);
        given().when().get("/recommendations").then().statusCode(401);
    }

    @Test
    void managerAppliesAPriceSuggestionOnceThroughInventory() {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/products/P-1010")).willReturn(WireMock.okJson("""
                {"id": "P-1010", "sku": "SKU-COLAZERO-330", "gtin": "4012345610109", "name": "Cola zero 330 ml",
                 "categoryId": "soft-drinks", "unitPrice": 1.90, "unitCost": 0.55, "currency": "EUR",
                 "attributes": {"temperature": "cold"}, "active": true,
                 "createdAt": "2026-07-01T08:00:00Z", "updatedAt": "2026-07-01T08:00:00Z"}""")));
        wm.stubFor(WireMock.put(WireMock.urlPathEqualTo("/products/P-1010")).willReturn(WireMock.okJson("{}")));

        var id = given().header("Authorization", MANAGER).queryParam("locationId", "ST-002")
                .when().get("/recommendations")
                .then().statusCode(200)
                .extract().jsonPath().getString("pricing.find { it.productId == 'P-1010' }.id");
        assertThat(id).isNotBlank();

        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().post("/recommendations/pricing/" + id + "/apply")
                .then().statusCode(403);
        given().header("Authorization", MANAGER)
                .when().post("/recommendations/pricing/" + id + "/apply")
                .then().statusCode(200)
                .body("productId", equalTo("P-1010"))
                .body("previousPrice", equalTo(1.9f))
                .body("appliedPrice", equalTo(2.0f));
        wm.verify(1, WireMock.putRequestedFor(WireMock.urlPathEqualTo("/products/P-1010"))
                .withHeader("Authorization", WireMock.equalTo(MANAGER))
                .withRequestBody(WireMock.matchingJsonPath("$.unitPrice", WireMock.equalTo("2.00")))
                .withRequestBody(WireMock.matchingJsonPath("$.sku", WireMock.equalTo("SKU-COLAZERO-330")))
                .withRequestBody(WireMock.notContaining("createdAt")));

        given().header("Authorization", MANAGER)
                .when().post("/recommendations/pricing/" + id + "/apply")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", MANAGER)
                .when().post("/recommendations/pricing/" + UUID.randomUUID() + "/apply")
                .then().statusCode(404);
    }

    @Test
    void appliedPricesAreListedNewestFirstWithWhoAppliedThem() {
        var wm = FakeServicesResource.server();
        for (var product : List.of("P-1010", "P-1030")) {
            wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/products/" + product)).willReturn(WireMock.okJson(PRODUCTS
                    .substring(PRODUCTS.indexOf("{\"id\": \"" + product)).split("\n")[0].replaceAll(",\\s*$", ""))));
            wm.stubFor(WireMock.put(WireMock.urlPathEqualTo("/products/" + product)).willReturn(WireMock.okJson("{}")));
        }
        var pricing = given().header("Authorization", MANAGER).queryParam("locationId", "ST-006")
                .when().get("/recommendations")
                .then().statusCode(200).extract().jsonPath();
        var cola = pricing.getString("pricing.find { it.productId == 'P-1010' }.id");
        var shirt = pricing.getString("pricing.find { it.productId == 'P-1030' }.id");
        given().header("Authorization", MANAGER).when().post("/recommendations/pricing/" + cola + "/apply")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("ada", "admin")).when().post("/recommendations/pricing/" + shirt + "/apply")
                .then().statusCode(200);

        var page = given().header("Authorization", TestTokens.bearer("ann", "analyst")).queryParam("size", 2)
                .when().get("/recommendations/pricing/applied")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .extract().jsonPath();
        assertThat(page.getLong("totalItems")).isGreaterThanOrEqualTo(2);
        assertThat(page.getString("items[0].id")).isEqualTo(shirt);
        assertThat(page.getString("items[0].appliedBy")).isEqualTo("ada");
        assertThat(page.getString("items[0].productId")).isEqualTo("P-1030");
        assertThat(page.getString("items[0].locationId")).isEqualTo("ST-006");
        assertThat(page.getFloat("items[0].previousPrice")).isEqualTo(17.9f);
        assertThat(page.getFloat("items[0].appliedPrice")).isEqualTo(16.11f);
        assertThat(page.getString("items[1].id")).isEqualTo(cola);
        assertThat(page.getString("items[1].appliedBy")).isEqualTo("maria");
        assertThat(page.getFloat("items[1].appliedPrice")).isEqualTo(2.0f);
        assertThat(Instant.parse(page.getString("items[0].appliedAt")))
                .isAfterOrEqualTo(Instant.parse(page.getString("items[1].appliedAt")));

        // only applied suggestions are listed; the second page goes on from the first
        var all = given().header("Authorization", MANAGER).queryParam("size", 200)
                .when().get("/recommendations/pricing/applied")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.appliedBy", String.class)).doesNotContainNull();
        assertThat(all.getList("items.appliedAt", String.class)).doesNotContainNull();
        if (all.getLong("totalItems") > 2) {
            given().header("Authorization", MANAGER).queryParam("page", 1).queryParam("size", 2)
                    .when().get("/recommendations/pricing/applied")
                    .then().statusCode(200)
                    .body("items[0].id", equalTo(all.getString("items[2].id")));
        }

        given().header("Authorization", TestTokens.bearer("carl", "clerk"))
                .when().get("/recommendations/pricing/applied").then().statusCode(403);
        given().header("Authorization", MANAGER).queryParam("size", 0)
                .when().get("/recommendations/pricing/applied")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Inject
    WeatherService weatherService;

    @Test
    void openWeatherPayloadMapsToRainAtTheGivenTemperature() {
        FakeServicesResource.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/data/2.5/weather"))
                .withQueryParam("lat", WireMock.equalTo("53.4774"))
                .withQueryParam("appid", WireMock.equalTo("ow-key"))
                .withQueryParam("units", WireMock.equalTo("metric"))
                .willReturn(WireMock.okJson(sample("openweather-current.json"))));

        var w = weatherService.fromOpenWeather(new LocationInfo("ST-002", "Manchester Piccadilly", "STORE", 53.4774,
                -2.2309, "Europe/London"), "ow-key", Instant.parse("2026-07-15T12:00:00Z"));

        assertThat(w.source()).isEqualTo("openweather");
        assertThat(w.temperatureC()).isEqualByComparingTo("6.2");
        assertThat(w.precipitationMm()).isEqualByComparingTo("2.73");
        assertThat(w.condition()).isEqualTo(Weather.Condition.RAIN);
    }

    @Test
    void summaryWithoutLlmIsWrittenFromTheTemplate() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst")).contentType(ContentType.JSON)
                .body(SUMMARY_REQUEST)
                .when().post("/summaries")
                .then().statusCode(200)
                .body("source", equalTo("rules"))
                .body("period", equalTo("2026-W28"))
                .body("summary", containsString("revenue was 11000.00 EUR from 500 orders"))
                .body("summary", containsString("up 10.0% on the previous period"))
                .body("highlights", hasItem("Best seller: Cola zero 330 ml (P-1010)"));

        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body("{\"period\": \"\"}")
                .when().post("/summaries")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("carl", "clerk")).contentType(ContentType.JSON)
                .body(SUMMARY_REQUEST)
                .when().post("/summaries")
                .then().statusCode(403);
    }

    static final String SUMMARY_REQUEST = """
            {"period": "2026-W28", "currency": "EUR", "revenue": "11000.00", "orders": 500, "units": 1400,
             "previousRevenue": "10000.00",
             "topProducts": [{"key": "P-1010", "name": "Cola zero 330 ml", "revenue": "950.00", "units": 500},
                             {"key": "P-1001", "name": "Espresso", "revenue": "700.00", "units": 320}],
             "byLocation": [{"key": "ST-001", "name": "London Soho", "revenue": "4000.00", "units": 500},
                            {"key": "ST-006", "name": "Madrid Sol", "revenue": "1500.00", "units": 200}]}""";

    static String sample(String name) {
        try (var in = RecommendationsIT.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
