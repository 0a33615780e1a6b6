package io.salespulse.recommendations.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salespulse.recommendations.config.LlmConfig;
import io.salespulse.recommendations.domain.LlmAnswer;
import io.salespulse.recommendations.domain.LlmPrompt;
import io.salespulse.recommendations.domain.LlmProvider;
import io.salespulse.recommendations.domain.LlmSelection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Gemini {@code generateContent} with {@code responseMimeType: application/json} and a {@code responseSchema}.
 * Gemini's schema dialect (an OpenAPI subset) rejects {@code additionalProperties}, so it is removed.
 */
@ApplicationScoped
public class GeminiProvider implements LlmProvider {

    private final GeminiClient client;
    private final LlmConfig config;
    private final ObjectMapper json;

    GeminiProvider(@RestClient GeminiClient client, LlmConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public String model() {
        return LlmSelection.model(LlmSelection.GEMINI, config.model());
    }

    @Override
    public LlmAnswer complete(LlmPrompt prompt) {
        var request = json.createObjectNode();
        request.putObject("systemInstruction").putArray("parts").addObject().put("text", prompt.system());
        var content = request.putArray("contents").addObject();
        content.put("role", "user");
        content.putArray("parts").addObject().put("text", prompt.user());
        var generation = request.putObject("generationConfig");
        generation.put("temperature", 0.2);
        generation.put("responseMimeType", "application/json");
        generation.set("responseSchema", withoutAdditionalProperties(parse(prompt.jsonSchema())));

        var response = client.generateContent(model(), config.apiKey().orElse(""), request);
        var text = response.path("candidates").path(0).path("content").path("parts").path(0).path("text");
        if (!text.isTextual()) {
            throw new IllegalStateException("Gemini answer without candidates[0].content.parts[0].text");
        }
        var usage = response.path("usageMetadata");
        return new LlmAnswer(name(), response.path("modelVersion").asText(model()), text.asText(),
                usage.has("promptTokenCount") ? usage.get("promptTokenCount").asInt() : null,
                usage.has("candidatesTokenCount") ? usage.get("candidatesTokenCount").asInt() : null);
    }

    private static JsonNode withoutAdditionalProperties(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("additionalProperties");
            o.forEach(GeminiProvider::withoutAdditionalProperties);
        } else if (node.isArray()) {
            node.forEach(GeminiProvider::withoutAdditionalProperties);
        }
        return node;
    }

    private JsonNode parse(String schema) {
        try {
            return json.readTree(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
