package io.salespulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;

/** A /ws/live subscriber as the browser has it: a ticket from the gateway, then the WebSocket. */
final class LiveFeed implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    LiveFeed(SystemStack stack, String token) {
        String ticket = given().baseUri(stack.gatewayUrl()).auth().oauth2(token)
                .when().post("/api/ws-ticket")
                .then().statusCode(200).extract().path("ticket");
        URI uri = URI.create(stack.gatewayUrl().replaceFirst("^http", "ws") + "/ws/live?ticket=" + ticket);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this).join();
    }

    List<JsonNode> messages() {
        return messages;
    }

    boolean has(String type, String field, String value) {
        return messages.stream().anyMatch(m -> type.equals(m.path("type").asText())
                && value.equals(m.path("data").path(field).asText()));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("unreadable /ws/live message: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
    }
}
