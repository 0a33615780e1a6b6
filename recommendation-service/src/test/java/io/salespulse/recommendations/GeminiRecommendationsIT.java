package io.salespulse.recommendations;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.testsupport.InfraTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.salespulse.recommendations.RecommendationsIT.MANAGER;
import static io.salespulse.recommendations.RecommendationsIT.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code salespulse.llm.provider=gemini} without a model: {@code GET /recommendations} asks Gemini's default model
 * and falls back to the rules on an error, a timeout or a malformed answer, auditing every attempt.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeGeminiResource.class)
class GeminiRecommendationsIT {

    /** No model configured: the provider's default is asked. */
    private static final String GENERATE = "/v1beta/models/gemini-2.0-flash:generateContent";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @CacheName("llm-recommendations")
    Cache llmCache;

    @Inject
    CircuitBreakerMaintenance circuits;

    private long auditMark;

    @BeforeEach
    void reset() throws SQLException {
        RecommendationsIT.stubDefaults();
        llmCache.invalidateAll().await().indefinitely();
        circuits.resetAll();
        auditMark = LlmRecommendationsIT.lastAuditId(dataSource);
    }

    private static void stubGemini(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        FakeServicesResource.server().stubFor(WireMock.post(WireMock.urlPathEqualTo(GENERATE))
                .withQueryParam("key", WireMock.equalTo("g-test"))
                .willReturn(response));
    }

    @Test
    void geminiAnswersThroughGetRecommendationsWithItsDefaultModel() throws SQLException {
        stubGemini(WireMock.okJson(sample("gemini-generate-content.json")));

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-003")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("llm:gemini/gemini-2.0-flash"))
                .body("promotions[0].productId", equalTo("P-1001"))
                .body("promotions[0].locationId", equalTo("ST-003"));

        var rows = LlmRecommendationsIT.auditAfter(dataSource, auditMark);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("provider")).isEqualTo("gemini");
            assertThat(r.get("model")).isEqualTo("gemini-test-001");
            assertThat(r.get("outcome")).isEqualTo("OK");
            assertThat(r.get("prompt_tokens")).isEqualTo(640);
        });
    }

    @Test
    void geminiErrorIsRetriedThenTheRulesAnswer() throws SQLException {
        stubGemini(WireMock.aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(sample("gemini-error-503.json")));

        rulesAnswer("ST-001");

        FakeServicesResource.server().verify(3, WireMock.postRequestedFor(WireMock.urlPathEqualTo(GENERATE)));
        assertThat(outcomes()).containsExactly("ERROR", "ERROR", "ERROR");
    }

    @Test
    void geminiTimeoutIsRetriedThenTheRulesAnswer() throws SQLException {
        stubGemini(WireMock.okJson(sample("gemini-generate-content.json")).withFixedDelay(1_500));

        rulesAnswer("ST-003");

        FakeServicesResource.server().verify(3, WireMock.postRequestedFor(WireMock.urlPathEqualTo(GENERATE)));
        assertThat(outcomes()).containsExactly("ERROR", "ERROR", "ERROR");
        assertThat(LlmRecommendationsIT.auditAfter(dataSource, auditMark))
                .allSatisfy(r -> assertThat((String) r.get("error")).containsIgnoringCase("timeout"));
    }

    @Test
    void malformedGeminiAnswersFallBackToTheRules() throws SQLException {
        // a broken HTTP body: the call itself fails and is retried
        stubGemini(WireMock.okJson("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": "));
        rulesAnswer("ST-002");
        assertThat(outcomes()).containsExactly("ERROR", "ERROR", "ERROR");

        // a well-formed response whose text is not the answer's JSON: one INVALID row, no retry
        reset();
        stubGemini(WireMock.okJson("""
                {"candidates": [{"content": {"parts": [{"text": "I would promote lemonade."}], "role": "model"},
                  "finishReason": "STOP", "index": 0}], "modelVersion": "gemini-test-001"}"""));
        rulesAnswer("ST-002");
        assertThat(outcomes()).containsExactly("INVALID");
    }

    private static void rulesAnswer(String locationId) {
        given().header("Authorization", MANAGER).queryParam("locationId", locationId)
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"))
                .body("promotions.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    private List<Object> outcomes() throws SQLException {
        return LlmRecommendationsIT.auditAfter(dataSource, auditMark).stream().map(r -> r.get("outcome")).toList();
    }
}
