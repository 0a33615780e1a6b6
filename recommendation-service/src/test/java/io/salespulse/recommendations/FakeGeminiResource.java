package io.salespulse.recommendations;

import java.util.Map;

/** The fake services and a Gemini endpoint; no model configured, so Gemini's default model must be asked. */
public class FakeGeminiResource extends FakeServicesResource {

    @Override
    protected Map<String, String> extraConfig(String url) {
        return Map.of(
                "salespulse.llm.provider", "gemini",
                "salespulse.llm.api-key", "g-test",
                "salespulse.llm.base-url", url,
                "quarkus.rest-client.gemini.read-timeout", "1000");
    }
}
