package io.salespulse.load;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The platform as a client sees it: the gateway's REST API and its /ws/live WebSocket, with a real token. */
final class Gateway {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Tokens tokens;

    Gateway(HttpClient http, String baseUrl, Tokens tokens) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    Tokens tokens() {
        return tokens;
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, Object body) {
        return http.sendAsync(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** A ready-made body (e.g. a reader's batch) with its own content type. */
    CompletableFuture<HttpResponse<String>> postAsync(String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.bearer())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            tokens.invalidate();
            response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise request body", e);
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.bearer())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
    }

    /** Opens /ws/live with a short-lived ticket (browsers cannot send an Authorization header on WebSockets). */
    WebSocket openLive(WebSocket.Listener listener) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/ws-ticket", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No WebSocket ticket: " + response.statusCode() + " " + response.body());
        }
        String ticket = JSON.readTree(response.body()).get("ticket").asText();
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/live?ticket=" + ticket);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, listener).join();
    }
}
