package io.salespulse.recommendations.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OpenAI chat completions ({@code POST {base}/chat/completions}); the base URL includes {@code /v1}, so the same
 * client talks to OpenAI, Ollama ({@code http://localhost:11434/v1}), vLLM or LM Studio.
 */
@RegisterRestClient(configKey = "openai")
public interface OpenAiClient {

    @POST
    @Path("/chat/completions")
    JsonNode chatCompletions(@HeaderParam("Authorization") String authorization, JsonNode request);
}
