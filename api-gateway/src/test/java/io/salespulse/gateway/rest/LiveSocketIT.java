package io.salespulse.gateway.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.salespulse.gateway.support.UpstreamStubs;
import io.salespulse.testsupport.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** The live feed: a browser trades its token for a ticket and gets a WebSocket to analytics-service. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(UpstreamStubs.class)
class LiveSocketIT {
    private static Vertx vertx;
    private static WebSocketClient client;

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
        client = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aTicketNeedsAToken() {
        given().when().post("/api/ws-ticket")
                .then().statusCode(401).header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void aTicketIsRandomShortLivedAndNotCached() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().post("/api/ws-ticket")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("ticket", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("expiresIn", is(30));
    }

    @Test
    void theTicketOpensTheLiveFeedWithTheCallersTokenUpstream() throws Exception {
        String token = TestTokens.bearer("ann", "analyst");
        String ticket = ticket(token);
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        WebSocket ws = connect("/ws/live?ticket=" + ticket + "&view=store", messages);

        JsonObject hello = new JsonObject(messages.poll(10, TimeUnit.SECONDS));
        assertThat(hello.getString("service")).isEqualTo("analytics");
        assertThat(hello.getString("authorization")).isEqualTo(token);
        // The ticket stays at the gateway; the rest of the query reaches the service.
        assertThat(hello.getString("query")).isEqualTo("view=store");
        assertThat(hello.getString("requestId")).isNotBlank();

        ws.writeTextMessage("hello");
        assertThat(messages.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
        ws.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTicketWorksOnce() throws Exception {
        String ticket = ticket(TestTokens.bearer("ann", "analyst"));
        WebSocket first = connect("/ws/live?ticket=" + ticket);
        first.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Throwable second = catchThrowable(() -> connect("/ws/live?ticket=" + ticket));
        assertThat(second).isInstanceOf(ExecutionException.class).cause().isInstanceOf(UpgradeRejectedException.class);
        UpgradeRejectedException rejected = (UpgradeRejectedException) second.getCause();
        assertThat(rejected.getStatus()).isEqualTo(401);
        assertThat(rejected.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTicketOrNoneIsRefusedWith401Problem() {
        Throwable unknown = catchThrowable(() -> connect("/ws/live?ticket=made-up"));
        assertThat(unknown.getCause()).isInstanceOf(UpgradeRejectedException.class);
        UpgradeRejectedException rejected = (UpgradeRejectedException) unknown.getCause();
        assertThat(rejected.getStatus()).isEqualTo(401);
        assertThat(rejected.getBody().toString()).contains("\"status\":401");

        Throwable none = catchThrowable(() -> connect("/ws/live"));
        assertThat(((UpgradeRejectedException) none.getCause()).getStatus()).isEqualTo(401);
    }

    @Test
    void deviceSocketsNeedADeviceTokenInTheHeader() {
        Throwable none = catchThrowable(() -> connectWith("/ws/devices", null));
        assertThat(((UpgradeRejectedException) none.getCause()).getStatus()).isEqualTo(401);

        Throwable clerk = catchThrowable(() -> connectWith("/ws/devices", TestTokens.bearer("cleo", "clerk")));
        assertThat(((UpgradeRejectedException) clerk.getCause()).getStatus()).isEqualTo(403);

        // Authorized: the gateway forwards, and the stubbed device-gateway is down in this test.
        Throwable device = catchThrowable(() -> connectWith("/ws/devices", TestTokens.bearer("scanner", "device")));
        UpgradeRejectedException rejected = (UpgradeRejectedException) device.getCause();
        assertThat(rejected.getStatus()).isEqualTo(502);
        assertThat(rejected.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aPlainGetIsNotAWebSocket() {
        given().when().get("/ws/live").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"));
    }

    private static String ticket(String bearer) {
        return given().header("Authorization", bearer).when().post("/api/ws-ticket")
                .then().statusCode(200).extract().path("ticket");
    }

    private static WebSocket connect(String uri) throws Exception {
        return connect(uri, new LinkedBlockingQueue<>());
    }

    private static WebSocket connectWith(String uri, String bearer) throws Exception {
        var options = new io.vertx.core.http.WebSocketConnectOptions()
                .setHost("localhost").setPort(RestAssured.port).setURI(uri);
        if (bearer != null) {
            options.addHeader("Authorization", bearer);
        }
        return client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static WebSocket connect(String uri, BlockingQueue<String> messages) throws Exception {
        return client.connect(RestAssured.port, "localhost", uri)
                // The handler goes on in the connect callback, before the service's first message is delivered.
                .map(ws -> ws.textMessageHandler(messages::add))
                .map(WebSocket.class::cast)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
