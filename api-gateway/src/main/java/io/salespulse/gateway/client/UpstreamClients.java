package io.salespulse.gateway.client;

import io.quarkus.logging.Log;
import io.salespulse.gateway.config.GatewayConfig;
import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
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
import java.util.concurrent.TimeoutException;

/**
 * One pooled, keep-alive HTTP client for all services (Vert.x keeps a pool per host and port) and one WebSocket
 * client, both on Quarkus' Vert.x instance so that they run on the event loops and are traced.
 */
@Singleton
public class UpstreamClients {
    private final Map<Upstream, UpstreamTarget> targets = new EnumMap<>(Upstream.class);
    private final Vertx vertx;
    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final long connectTimeoutMs;
    private final long requestTimeoutMs;

    public UpstreamClients(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
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
                new PoolOptions().setHttp1MaxSize(client.poolSize()).setMaxWaitQueueSize(client.maxWaiting()));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setName("gateway-websockets")
                .setConnectTimeout((int) connectTimeoutMs));
        Log.infof("Upstreams: %s", targets.values());
    }

    /**
     * A request to {@code target} on a pooled connection, or a {@link TimeoutException} when no connection was free
     * within connect-timeout (then 504), or a {@code ConnectionPoolTooBusyException} at once when max-waiting
     * requests already wait (then 503).
     */
    public Future<HttpClientRequest> request(UpstreamTarget target) {
        return requestWithin(vertx, http, requestOptions(target), connectTimeoutMs);
    }

    /**
     * Waits for a pooled connection at most {@code waitMs} with a timer of its own instead of the pool's acquisition
     * timeout: that one can race with a connection being handed to the same waiter (eclipse-vertx/vert.x#6169), and
     * the request then created for nobody holds the connection until its idle timeout, so under overload the pool
     * drained into 30 s stalls. Here a connection that arrives after the deadline goes straight back to the pool.
     */
    static Future<HttpClientRequest> requestWithin(Vertx vertx, HttpClient http, RequestOptions options,
                                                   long waitMs) {
        Promise<HttpClientRequest> result = Promise.promise();
        long timer = vertx.setTimer(waitMs, id -> result.tryFail(new TimeoutException(
                "No connection to " + options.getHost() + ":" + options.getPort() + " within " + waitMs + " ms")));
        http.request(options).onComplete(acquired -> {
            vertx.cancelTimer(timer);
            if (acquired.failed()) {
                result.tryFail(acquired.cause());
            } else if (!result.tryComplete(acquired.result())) {
                HttpClientRequest late = acquired.result();
                late.exceptionHandler(reset -> { }); // the reset below is expected, not an error to log
                late.reset(); // unsent: the stream closes and its connection is recycled
            }
        });
        return result.future();
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

    /**
     * Options for one proxied request: the idle timeout turns a stuck service into a 504. No pool acquisition
     * timeout here (see {@link #requestWithin}); TCP connects are bounded by the client's connect timeout.
     */
    RequestOptions requestOptions(UpstreamTarget target) {
        return new RequestOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
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
