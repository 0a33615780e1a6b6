package io.salespulse.recommendations;

import java.util.Map;

/**
 * The fake services plus OpenAI-compatible and Gemini endpoints on the same WireMock server. Short read timeout
 * and circuit-breaker delay so that the timeout and circuit tests take seconds, not minutes.
 */
public class FakeLlmResource extends FakeServicesResource {

    static final long CIRCUIT_DELAY_MS = 3_000;

    @Override
    protected Map<String, String> extraConfig(String url) {
        return Map.of(
                "salespulse.llm.provider", "openai",
                "salespulse.llm.model", "gpt-test",
                "salespulse.llm.api-key", "sk-test",
                "salespulse.llm.base-url", url + "/v1",
                "quarkus.rest-client.gemini.url", url,
                "quarkus.rest-client.openai.read-timeout", "1000",
                "io.salespulse.recommendations.LlmGateway/call/CircuitBreaker/delay", String.valueOf(CIRCUIT_DELAY_MS));
    }
}
