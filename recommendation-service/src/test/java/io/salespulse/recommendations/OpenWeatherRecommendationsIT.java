package io.salespulse.recommendations;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.testsupport.InfraTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.recommendations.RecommendationsIT.MANAGER;
import static io.salespulse.recommendations.RecommendationsIT.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code salespulse.weather.provider=openweather}: the live answer is used, and a 401, 500, timeout or malformed
 * answer falls back to the climate normals. The same profile configures Gemini without a key: the rules answer
 * at once and Gemini is never called.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeOpenWeatherResource.class)
class OpenWeatherRecommendationsIT {

    private static final String WEATHER = "/data/2.5/weather";

    @Inject
    @CacheName("weather")
    Cache weatherCache;

    @Inject
    LlmGateway llm;

    @BeforeEach
    void reset() {
        RecommendationsIT.stubDefaults();
        weatherCache.invalidateAll().await().indefinitely();
    }

    private static void stubAt(String latitude, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        FakeServicesResource.server().stubFor(WireMock.get(WireMock.urlPathEqualTo(WEATHER))
                .withQueryParam("lat", WireMock.equalTo(latitude))
                .withQueryParam("appid", WireMock.equalTo(FakeOpenWeatherResource.API_KEY))
                .withQueryParam("units", WireMock.equalTo("metric"))
                .willReturn(response));
    }

    @Test
    void openWeatherIsChosenByConfigurationAndEveryFailureFallsBackToClimatology() {
        stubAt("53.4774", WireMock.okJson(sample("openweather-current.json")));                       // Manchester
        stubAt("51.5136", WireMock.aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(sample("openweather-error-401.json")));                                        // London
        stubAt("52.52", WireMock.okJson(sample("openweather-current.json")).withFixedDelay(1_500));    // Berlin
        stubAt("40.4169", WireMock.okJson("{\"weather\": [{\"id\": 500, \"main\": \"Rain\"}], \"main\": {\"temp\": "));

        var body = given().header("Authorization", MANAGER)
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"))
                .extract().jsonPath();

        Map<String, String> sources = new java.util.HashMap<>();
        body.getList("weather", Map.class).forEach(w -> sources.put((String) w.get("locationId"), (String) w.get("source")));
        assertThat(sources).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ST-002", "openweather", "ST-001", "climatology", "ST-003", "climatology", "ST-006", "climatology"));
        assertThat(body.getFloat("weather.find { it.locationId == 'ST-002' }.temperatureC")).isEqualTo(6.2f);
        assertThat(body.getString("weather.find { it.locationId == 'ST-002' }.condition")).isEqualTo("RAIN");

        var wm = FakeServicesResource.server();
        // the configured provider only, and never with the caller's token
        wm.verify(0, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v1/forecast")));
        wm.verify(4, WireMock.getRequestedFor(WireMock.urlPathEqualTo(WEATHER)).withoutHeader("Authorization"));
    }

    @Test
    void serverErrorFallsBackToClimatologyAndTheFallbackIsCached() {
        stubAt("51.5136", WireMock.aResponse().withStatus(500).withBody("Internal Server Error"));

        for (int i = 0; i < 2; i++) {
            given().header("Authorization", MANAGER).queryParam("locationId", "ST-001")
                    .when().get("/recommendations")
                    .then().statusCode(200)
                    .body("weather[0].source", equalTo("climatology"))
                    .body("weather[0].temperatureC", org.hamcrest.Matchers.notNullValue());
        }
        // a provider that is down is asked once per location in 10 minutes, not on every request
        FakeServicesResource.server().verify(1, WireMock.getRequestedFor(WireMock.urlPathEqualTo(WEATHER)));
    }

    @Test
    void geminiWithoutAnApiKeyCountsAsNoProviderAndIsNeverCalled() {
        assertThat(llm.provider()).isEmpty();

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-003")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"));
        given().header("Authorization", MANAGER).contentType(io.restassured.http.ContentType.JSON)
                .body(RecommendationsIT.SUMMARY_REQUEST)
                .when().post("/summaries")
                .then().statusCode(200)
                .body("source", equalTo("rules"));

        FakeServicesResource.server().verify(0, WireMock.postRequestedFor(WireMock.urlMatching("/v1beta/.*")));
    }
}
