package io.salespulse.recommendations.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Google Gemini API {@code generateContent} (https://ai.google.dev/api/generate-content). */
@RegisterRestClient(configKey = "gemini")
public interface GeminiClient {

    @POST
    @Path("/v1beta/models/{model}:generateContent")
    JsonNode generateContent(@PathParam("model") String model, @QueryParam("key") String key, JsonNode request);
}
