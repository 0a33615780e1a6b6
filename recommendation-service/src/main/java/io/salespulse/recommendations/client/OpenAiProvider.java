package io.salespulse.recommendations.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.recommendations.config.LlmConfig;
import io.salespulse.recommendations.domain.LlmAnswer;
import io.salespulse.recommendations.domain.LlmPrompt;
import io.salespulse.recommendations.domain.LlmProvider;
import io.salespulse.recommendations.domain.LlmSelection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Chat completions with JSON-Schema structured output ({@code response_format.type = json_schema}, strict). */
@ApplicationScoped
public class OpenAiProvider implements LlmProvider {

    private final OpenAiClient client;
    private final LlmConfig config;
    private final ObjectMapper json;

    OpenAiProvider(@RestClient OpenAiClient client, LlmConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String model() {
        return LlmSelection.model(LlmSelection.OPENAI, config.model());
    }

    @Override
    public LlmAnswer complete(LlmPrompt prompt) {
        var request = json.createObjectNode();
        request.put("model", model());
        request.put("temperature", 0.2);
        var messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        messages.addObject().put("role", "user").put("content", prompt.user());
        var format = request.putObject("response_format");
        format.put("type", "json_schema");
        var schema = format.putObject("json_schema");
        schema.put("name", "recommendations");
        schema.put("strict", true);
        schema.set("schema", parse(prompt.jsonSchema()));

        var auth = config.apiKey().filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
        var response = client.chatCompletions(auth, request);
        var text = response.path("choices").path(0).path("message").path("content");
        if (!text.isTextual()) {
            throw new IllegalStateException("chat completion without message content");
        }
        var usage = response.path("usage");
        return new LlmAnswer(name(), response.path("model").asText(model()), text.asText(),
                usage.has("prompt_tokens") ? usage.get("prompt_tokens").asInt() : null,
                usage.has("completion_tokens") ? usage.get("completion_tokens").asInt() : null);
    }

    private JsonNode parse(String schema) {
        try {
            return json.readTree(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
