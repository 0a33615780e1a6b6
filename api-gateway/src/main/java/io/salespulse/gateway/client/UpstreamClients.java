package io.salespulse.gateway.client;

import io.quarkus.logging.Log;
import io.salespulse.gateway.config.GatewayConfig;
import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * One pooled, keep-alive HTTP client for all services (Vert.x keeps a pool per host and port) and one WebSocket
 * client, both on Quarkus' Vert.x instance so that they run on the event loops and are traced.
 */
@Singleton
public class UpstreamClients {
    private final Map<Upstream, UpstreamTarget> targets = new EnumMap<>(Upstream.class);
    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final long connectTimeoutMs;
    private final long requestTimeoutMs;

    public UpstreamClients(Vertx vertx, GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            if (upstream != Upstream.GATEWAY) {
                targets.put(upstream, UpstreamTarget.of(upstream, config.upstream().of(upstream)));
            }
        }
        GatewayConfig.Client client = config.client();
        this.connectTimeoutMs = client.connectTimeout().toMillis();
        this.requestTimeoutMs = client.requestTimeout().toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setName("gateway-upstreams")
                        .setKeepAlive(true)
                        .setConnectTimeout((int) connectTimeoutMs)
                        // Bodies pass through as they are: compressed stays compressed, for the client to inflate.
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(client.poolSize()));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setName("gateway-websockets")
                .setConnectTimeout((int) connectTimeoutMs));
        Log.infof("Upstreams: %s", targets.values());
    }

    public HttpClient http() {
        return http;
    }

    public WebSocketClient webSockets() {
        return webSockets;
    }

    public UpstreamTarget target(Upstream upstream) {
        UpstreamTarget target = targets.get(upstream);
        if (target == null) {
            throw new IllegalArgumentException("No upstream " + upstream);
        }
        return target;
    }

    /** Options for one proxied request: the connect and idle timeouts turn a stuck service into a 504. */
    public RequestOptions requestOptions(UpstreamTarget target) {
        return new RequestOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setConnectTimeout(connectTimeoutMs)
                .setIdleTimeout(requestTimeoutMs);
    }

    public WebSocketConnectOptions webSocketOptions(UpstreamTarget target, String uri) {
        return new WebSocketConnectOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(uri)
                .setConnectTimeout(connectTimeoutMs)
                .setTimeout(requestTimeoutMs);
    }

    @PreDestroy
    void close() {
        http.close();
        webSockets.close();
    }
}
