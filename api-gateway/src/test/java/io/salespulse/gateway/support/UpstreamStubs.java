package io.salespulse.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the services behind the gateway: one small Vert.x server per upstream that answers every request
 * with what it received (method, path, query and the headers the gateway is responsible for) as JSON, plus a
 * WebSocket echo at /ws/live on the analytics stand-in. Paths containing /slow never answer in time (504), and
 * the devices upstream points at a closed port (502).
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {
    private static final List<String> SERVICES = List.of("ingest", "orders", "inventory", "analytics", "recommendations");

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            config.put("gateway.upstream." + service, "http://127.0.0.1:" + startStub(service));
        }
        config.put("gateway.upstream.devices", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private int startStub(String service) {
        HttpServer server = vertx.createHttpServer()
                .webSocketHandler(ws -> liveFeed(service, ws))
                .requestHandler(request -> echo(service, request));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Stub for " + service + " did not start", e);
        }
    }

    private void echo(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            JsonObject received = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("requestId", request.getHeader("X-Request-Id"))
                    .put("traceparent", request.getHeader("traceparent"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                    .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                    .put("host", request.getHeader("Host"))
                    .put("bodyBytes", body.length());
            long delay = request.path().contains("/slow") ? 5_000 : 0;
            Runnable answer = () -> request.response()
                    .putHeader("Content-Type", "application/json")
                    // A header a careless service might set; the gateway's policy must win.
                    .putHeader("X-Frame-Options", "SAMEORIGIN")
                    .end(received.encode());
            if (delay == 0) {
                answer.run();
            } else {
                vertx.setTimer(delay, id -> answer.run());
            }
        });
    }

    /** Says who connected (the bearer token the gateway put on the handshake), then echoes every text message. */
    private static void liveFeed(String service, ServerWebSocket ws) {
        if (!"/ws/live".equals(ws.path())) {
            ws.reject(404);
            return;
        }
        ws.writeTextMessage(new JsonObject()
                .put("service", service)
                .put("authorization", ws.headers().get("Authorization"))
                .put("query", ws.query())
                .put("requestId", ws.headers().get("X-Request-Id"))
                .encode());
        ws.textMessageHandler(message -> ws.writeTextMessage("echo:" + message));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
