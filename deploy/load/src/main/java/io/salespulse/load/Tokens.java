package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Real access tokens from Keycloak, renewed before they expire: a user's through the public {@code salespulse-cli}
 * client (password grant; demo users have the password {@code <user>-demo} unless {@code --password} says
 * otherwise), or a device's own confidential client (client credentials, as a store reader authenticates).
 */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String who;
    private final String form;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    Tokens(HttpClient http, String keycloakUrl, String user, String password) {
        this(http, endpoint(keycloakUrl), user, "grant_type=password&client_id=salespulse-cli&username=" + encode(user)
                + "&password=" + encode(password));
    }

    private Tokens(HttpClient http, URI tokenEndpoint, String who, String form) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.who = who;
        this.form = form;
    }

    /** A confidential client's own token (client credentials grant), e.g. a device's. */
    static Tokens forClient(HttpClient http, String keycloakUrl, String clientId, String secret) {
        return new Tokens(http, endpoint(keycloakUrl), clientId, "grant_type=client_credentials&client_id="
                + encode(clientId) + "&client_secret=" + encode(secret));
    }

    synchronized String bearer() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    synchronized void invalidate() {
        renewAt = Instant.EPOCH;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + who + " (" + response.statusCode() + ")");
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.get("access_token").asText();
            // Renew a little before expiry so no request carries a token about to lapse.
            renewAt = Instant.now().plusSeconds(Math.max(10, body.get("expires_in").asLong() - 30));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI endpoint(String keycloakUrl) {
        return URI.create(keycloakUrl + "/realms/salespulse/protocol/openid-connect/token");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
