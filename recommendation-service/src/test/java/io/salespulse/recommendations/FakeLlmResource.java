package io.salespulse.recommendations;

import java.util.Map;

/** The fake services plus OpenAI-compatible and Gemini endpoints on the same WireMock server. */
public class FakeLlmResource extends FakeServicesResource {

    @Override
    protected Map<String, String> extraConfig(String url) {
        return Map.of(
                "salespulse.llm.provider", "openai",
                "salespulse.llm.model", "gpt-test",
                "salespulse.llm.api-key", "sk-test",
                "salespulse.llm.base-url", url + "/v1",
                "quarkus.rest-client.gemini.url", url);
    }
}
