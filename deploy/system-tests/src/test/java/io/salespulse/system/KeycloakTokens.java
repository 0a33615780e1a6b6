package io.salespulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real access tokens from the stack's Keycloak, through the salespulse-cli client (password grant). */
public final class KeycloakTokens {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    /** The demo user's token; demo users have the password {@code <user>-demo}. */
    public static String accessToken(SystemStack stack, String user) {
        return token(stack, "grant_type=password&client_id=salespulse-cli&username=" + encode(user)
                + "&password=" + encode(user + "-demo"), user);
    }

    /** A confidential client's own token (client credentials), as a device or an integration gets it. */
    public static String clientToken(SystemStack stack, String clientId, String secret) {
        return token(stack, "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(secret), clientId);
    }

    private static String token(SystemStack stack, String form, String who) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/salespulse/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + who + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
