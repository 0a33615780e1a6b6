package io.salespulse.gateway.client;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.salespulse.gateway.domain.RequestIds;
import io.salespulse.gateway.domain.Upstream;
import io.salespulse.gateway.rest.ProblemResponses;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Proxies a WebSocket: opens the upstream WebSocket first (with the caller's bearer token, which the browser
 * could not send), and only when the service accepted it upgrades the client, so that a refusal still reaches
 * the client as an HTTP problem. Then frames flow both ways with back-pressure, and a close on either side
 * closes the other.
 *
 * <p>vertx-http-proxy 4.5 can tunnel upgrades itself, but it bypasses its interceptors for them (no place to
 * add the token), forwards the client's URI as is (the ticket would reach the service's logs), and copies the
 * two sockets without back-pressure.
 */
@ApplicationScoped
public class WebSocketForwarder {
    private static final short NORMAL = 1000;
    private static final short GOING_AWAY = 1001;
    private static final short INTERNAL_ERROR = 1011;

    private final UpstreamClients clients;
    private final TraceHeaders traceHeaders;
    private final ProblemResponses problems;

    public WebSocketForwarder(UpstreamClients clients, TraceHeaders traceHeaders, ProblemResponses problems) {
        this.clients = clients;
        this.traceHeaders = traceHeaders;
        this.problems = problems;
    }

    /**
     * @param ctx the upgrade request, paused: an upgrade is only possible while its request has not been consumed
     */
    public void forward(RoutingContext ctx, Upstream upstream, String bearerToken, String requestId,
                        Context traceContext) {
        HttpServerRequest request = ctx.request();
        UpstreamTarget target = clients.target(upstream);
        String uri = target.uri(request.path(), withoutParameter(request.query(), "ticket"));

        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .set(RequestIds.HEADER, requestId);
        ForwardedHeaders.apply(headers, request);
        traceHeaders.inject(traceContext, headers);
        WebSocketConnectOptions options = clients.webSocketOptions(target, uri).setHeaders(headers);

        clients.webSockets().connect(options).onComplete(connected -> {
            if (connected.failed()) {
                UpstreamFailure failure = UpstreamFailure.of(upstream, connected.cause());
                Log.warnf("WebSocket %s -> %s %s failed (request %s): %s", request.path(), upstream, target,
                        requestId, connected.cause().toString());
                problems.send(ctx, failure.status(), failure.title(), failure.detail());
                return;
            }
            WebSocket service = connected.result();
            service.pause(); // hold what the service says until the client is there to hear it
            request.toWebSocket().onComplete(upgraded -> {
                if (upgraded.failed()) {
                    Log.debugf("Client upgrade for %s failed: %s", request.path(), upgraded.cause().toString());
                    service.close(GOING_AWAY);
                    return;
                }
                Log.debugf("WebSocket %s bridged to %s (request %s)", request.path(), upstream, requestId);
                bridge(upgraded.result(), service);
            });
        });
    }

    static void bridge(WebSocketBase client, WebSocketBase service) {
        relay(client, service);
        relay(service, client);
        client.resume();
        service.resume();
    }

    private static void relay(WebSocketBase from, WebSocketBase to) {
        from.frameHandler(frame -> {
            // Pings and pongs are answered by each hop itself; a close arrives through closeHandler.
            // A frame racing the other side's close is dropped: the close is relayed by closeHandler.
            if (!isData(frame) || to.isClosed()) {
                return;
            }
            // Frames, not messages: text stays text and fragmented messages stay fragmented.
            to.writeFrame(frame);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
        from.closeHandler(v -> {
            if (!to.isClosed()) {
                short code = sendableCode(from.closeStatusCode());
                String reason = from.closeReason();
                if (reason == null) {
                    to.close(code);
                } else {
                    to.close(code, reason);
                }
            }
        });
        from.exceptionHandler(e -> {
            Log.debugf("WebSocket relay error: %s", e.toString());
            if (!to.isClosed()) {
                to.close(INTERNAL_ERROR);
            }
        });
    }

    private static boolean isData(WebSocketFrame frame) {
        return frame.isText() || frame.isBinary() || frame.isContinuation();
    }

    /** 1005, 1006 and 1015 describe what happened to a connection but may not be sent in a close frame. */
    static short sendableCode(Short received) {
        if (received == null || received == 1005) {
            return NORMAL;
        }
        if (received == 1006 || received == 1015) {
            return GOING_AWAY;
        }
        return received;
    }

    /** Drops one parameter from a raw query and leaves the rest exactly as the client encoded it. */
    static String withoutParameter(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        String kept = Arrays.stream(rawQuery.split("&"))
                .filter(part -> !part.isEmpty() && !part.equals(name) && !part.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }
}
