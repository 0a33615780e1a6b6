package io.salespulse.recommendations;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.recommendations.client.GeminiProvider;
import io.salespulse.recommendations.domain.PromptBuilder;
import io.salespulse.recommendations.domain.LlmPrompt;
import io.salespulse.testsupport.InfraTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.recommendations.RecommendationsIT.MANAGER;
import static io.salespulse.recommendations.RecommendationsIT.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The LLM path against fake OpenAI-compatible and Gemini endpoints: validation, audit, cache, fallbacks. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeLlmResource.class)
class LlmRecommendationsIT {

    private static final String CHAT = "/v1/chat/completions";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GeminiProvider gemini;

    @Inject
    @CacheName("llm-recommendations")
    Cache llmCache;

    @Inject
    CircuitBreakerMaintenance circuits;

    private long auditMark;

    /** Every test starts with a closed circuit, an empty answer cache and its own audit rows. */
    @BeforeEach
    void stubInputs() throws SQLException {
        RecommendationsIT.stubDefaults();
        llmCache.invalidateAll().await().indefinitely();
        circuits.resetAll();
        auditMark = lastAuditId(dataSource);
    }

    @Test
    void llmAnswerIsValidatedAuditedAndCachedForTheHour() throws SQLException {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .withHeader("Authorization", WireMock.equalTo("Bearer sk-test"))
                .withRequestBody(WireMock.matchingJsonPath("$.response_format.type", WireMock.equalTo("json_schema")))
                .withRequestBody(WireMock.matchingJsonPath("$.response_format.json_schema.schema.properties.pricing"))
                .withRequestBody(WireMock.matchingJsonPath("$.model", WireMock.equalTo("gpt-test")))
                .willReturn(WireMock.okJson(sample("openai-chat-completion.json"))));

        for (int i = 0; i < 2; i++) {
            var body = given().header("Authorization", MANAGER).queryParam("locationId", "ST-001")
                    .when().get("/recommendations")
                    .then().statusCode(200)
                    .body("source", equalTo("llm:openai/gpt-test"))
                    .body("weather[0].locationId", equalTo("ST-001"))
                    .extract().jsonPath();
            List<Map<String, Object>> promotions = body.getList("promotions");
            assertThat(promotions).extracting(p -> p.get("productId")).containsExactly("P-1010");
            List<Map<String, Object>> pricing = body.getList("pricing");
            assertThat(pricing).singleElement().satisfies(p -> {
                assertThat(p.get("productId")).isEqualTo("P-1010");
                assertThat(p.get("currentPrice")).isEqualTo(1.9f);
                assertThat(p.get("suggestedPrice")).isEqualTo(2.05f);
                assertThat(p.get("changePct")).isEqualTo(7.9f);
            });
        }

        // the second request came from the cache (same location, hour and weather bucket)
        var calls = wm.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(calls).hasSize(1);
        var prompt = calls.get(0).getBodyAsString();
        assertThat(prompt).contains("P-1010", "Cola zero 330 ml", "ST-001", "at most 15%")
                // analytics' windows: last minute, the summed per-minute series of the last hour, today
                .contains("last minute | 3 | 11.40", "last hour | 31 | 118.20", "today | 130 | 379.80", "P-1010 | 42 | 6")
                // no personal data: not the user of the token, no token, no e-mail address
                .doesNotContain("maria", "Bearer", "eyJ").doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

        var rows = auditAfter(dataSource, auditMark);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("outcome")).isEqualTo("OK");
            assertThat(r.get("provider")).isEqualTo("openai");
            assertThat(r.get("model")).isEqualTo("gpt-test-2026-01-01");
            assertThat(r.get("prompt_version")).isEqualTo(PromptBuilder.VERSION);
            assertThat(r.get("dropped_items")).isEqualTo(2);
            assertThat(r.get("prompt_tokens")).isEqualTo(812);
            assertThat(r.get("completion_tokens")).isEqualTo(143);
            assertThat((String) r.get("prompt_sha256")).hasSize(64);
            assertThat((String) r.get("answer_sha256")).hasSize(64);
        });
    }

    @Test
    void providerErrorsAreRetriedThenTheRulesAnswer() throws SQLException {
        FakeServicesResource.server().stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"overloaded\"}}")));

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-002")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"));

        assertThat(auditAfter(dataSource, auditMark)).hasSize(3).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("ERROR"));
    }

    @Test
    void malformedAnswerFallsBackToTheRules() throws SQLException {
        FakeServicesResource.server().stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.okJson("""
                        {"id": "x", "object": "chat.completion", "model": "gpt-test",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Sure! Promote cola."}, "finish_reason": "stop"}]}""")));

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-003")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"));

        assertThat(auditAfter(dataSource, auditMark)).singleElement().satisfies(r -> assertThat(r.get("outcome")).isEqualTo("INVALID"));
    }

    @Test
    void geminiSendsTheSchemaItUnderstandsAndReadsTheFirstCandidate() {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1beta/models/gpt-test:generateContent"))
                .withQueryParam("key", WireMock.equalTo("sk-test"))
                .withRequestBody(WireMock.matchingJsonPath("$.generationConfig.responseMimeType", WireMock.equalTo("application/json")))
                .withRequestBody(WireMock.matchingJsonPath("$.generationConfig.responseSchema.properties.promotions"))
                .withRequestBody(WireMock.notContaining("additionalProperties"))
                .willReturn(WireMock.okJson(sample("gemini-generate-content.json"))));

        var answer = gemini.complete(new LlmPrompt("recommendations-v1", "system", "user", """
                {"type": "object", "properties": {"promotions": {"type": "array"}}, "additionalProperties": false}"""));

        assertThat(answer.provider()).isEqualTo("gemini");
        assertThat(answer.model()).isEqualTo("gemini-test-001");
        assertThat(answer.text()).contains("\"P-1001\"");
        assertThat(answer.promptTokens()).isEqualTo(640);
        assertThat(answer.completionTokens()).isEqualTo(58);
    }

    @Test
    void openAiTimeoutIsRetriedThenTheRulesAnswer() throws SQLException {
        var wm = FakeServicesResource.server();
        // beyond the profile's 1 s read timeout
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.okJson(sample("openai-chat-completion.json")).withFixedDelay(1_500)));

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-006")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"));

        wm.verify(3, WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(auditAfter(dataSource, auditMark)).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("outcome")).isEqualTo("ERROR");
            assertThat((String) r.get("error")).containsIgnoringCase("timeout");
        });
    }

    @Test
    void brokenJsonHttpBodyIsRetriedThenTheRulesAnswer() throws SQLException {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.okJson("{\"id\": \"chatcmpl-x\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, ")));

        given().header("Authorization", MANAGER).queryParam("locationId", "ST-006")
                .when().get("/recommendations")
                .then().statusCode(200)
                .body("source", equalTo("rules"))
                .body("pricing.productId", org.hamcrest.Matchers.hasItem("P-1010"));

        wm.verify(3, WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(auditAfter(dataSource, auditMark)).extracting(r -> r.get("outcome")).containsExactly("ERROR", "ERROR", "ERROR");
    }

    @Test
    void openCircuitKeepsCallsAwayFromTheProviderUntilItsDelayHasPassed() throws Exception {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"overloaded\"}}")));

        // two requests of three attempts each: six failures of six open the circuit
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", MANAGER).queryParam("locationId", "ST-006")
                    .when().get("/recommendations").then().statusCode(200).body("source", equalTo("rules"));
        }
        wm.verify(6, WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(circuits.currentState(LlmGateway.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);
        var openedAt = System.nanoTime();

        // open: the rules answer and the provider is not called at all (nor audited)
        wm.resetRequests();
        given().header("Authorization", MANAGER).queryParam("locationId", "ST-006")
                .when().get("/recommendations").then().statusCode(200).body("source", equalTo("rules"));
        wm.verify(0, WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(auditAfter(dataSource, auditMark)).hasSize(6);

        // after the delay one trial call goes through; it succeeds and closes the circuit
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.okJson(sample("openai-chat-completion.json"))));
        long waitMs = FakeLlmResource.CIRCUIT_DELAY_MS + 300 - (System.nanoTime() - openedAt) / 1_000_000;
        if (waitMs > 0) {
            Thread.sleep(waitMs);
        }
        given().header("Authorization", MANAGER).queryParam("locationId", "ST-001")
                .when().get("/recommendations").then().statusCode(200).body("source", equalTo("llm:openai/gpt-test"));
        wm.verify(1, WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT)));
        assertThat(circuits.currentState(LlmGateway.CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void summaryPromptNeverCarriesEmailAddressesOrPhoneNumbers() {
        var wm = FakeServicesResource.server();
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .willReturn(WireMock.okJson("""
                        {"id": "s", "object": "chat.completion", "model": "gpt-test",
                         "choices": [{"index": 0, "message": {"role": "assistant",
                           "content": "{\\"summary\\": \\"Steady week.\\", \\"highlights\\": []}"}, "finish_reason": "stop"}]}""")));

        given().header("Authorization", MANAGER).contentType(io.restassured.http.ContentType.JSON)
                .body("""
                        {"period": "2026-W29 for jane.doe@example.com", "currency": "EUR", "revenue": "900.00",
                         "orders": 40, "units": 90,
                         "topProducts": [{"key": "P-1010", "name": "Cola (ask bob@shop.example, +44 20 7946 0958)", "revenue": "90.00"}],
                         "byLocation": [{"key": "ST-001", "name": "London Soho 07700 900123", "revenue": "900.00"}]}""")
                .when().post("/summaries")
                .then().statusCode(200)
                .body("source", equalTo("llm:openai/gpt-test"));

        var prompt = wm.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(CHAT))).get(0).getBodyAsString();
        assertThat(prompt).contains("2026-W29", "P-1010", "London Soho", "[removed]")
                .doesNotContain("jane.doe", "bob@", "7946", "900123")
                .doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    }

    @Test
    void summaryComesFromTheLlmAndIsAudited() throws SQLException {
        FakeServicesResource.server().stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT))
                .withRequestBody(WireMock.containing("2026-W28"))
                .willReturn(WireMock.okJson("""
                        {"id": "s", "object": "chat.completion", "model": "gpt-test",
                         "choices": [{"index": 0, "message": {"role": "assistant",
                           "content": "{\\"summary\\": \\"A solid week: revenue up 10% on cola.\\", \\"highlights\\": [\\"Cola zero leads\\"]}"},
                           "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 300, "completion_tokens": 40}}""")));

        given().header("Authorization", MANAGER).contentType(io.restassured.http.ContentType.JSON)
                .body(RecommendationsIT.SUMMARY_REQUEST)
                .when().post("/summaries")
                .then().statusCode(200)
                .body("source", equalTo("llm:openai/gpt-test"))
                .body("summary", equalTo("A solid week: revenue up 10% on cola."))
                .body("highlights[0]", equalTo("Cola zero leads"));

        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT outcome, prompt_tokens FROM recommendations.llm_audit WHERE prompt_version = 'summary-v1' "
                        + "ORDER BY audit_id DESC LIMIT 1");
             var rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("outcome")).isEqualTo("OK");
            assertThat(rs.getInt("prompt_tokens")).isEqualTo(300);
        }
    }

    static long lastAuditId(AgroalDataSource dataSource) throws SQLException {
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT coalesce(max(audit_id), 0) FROM recommendations.llm_audit");
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The audit rows written after {@code mark}, oldest first. */
    static List<Map<String, Object>> auditAfter(AgroalDataSource dataSource, long mark) throws SQLException {
        var rows = new ArrayList<Map<String, Object>>();
        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT * FROM recommendations.llm_audit WHERE audit_id > ? ORDER BY audit_id")) {
            ps.setLong(1, mark);
            try (var rs = ps.executeQuery()) {
                var meta = rs.getMetaData();
                while (rs.next()) {
                    var row = new java.util.HashMap<String, Object>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
