package io.salespulse.gateway.rest;

import io.opentelemetry.context.Context;
import io.salespulse.gateway.client.WebSocketForwarder;
import io.salespulse.gateway.domain.Upstream;
import io.salespulse.gateway.domain.WsTicketStore;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * {@code GET /ws/live?ticket=…}: the live dashboard feed of analytics-service. Browsers cannot send an
 * Authorization header on a WebSocket, so the caller first trades its token for a single-use ticket
 * ({@code POST /api/ws-ticket}); the ticket lets the upgrade through and supplies the token for the service.
 */
@ApplicationScoped
public class LiveSocketHandler implements Handler<RoutingContext> {
    private final WsTicketStore tickets;
    private final WebSocketForwarder forwarder;
    private final ProblemResponses problems;

    public LiveSocketHandler(WsTicketStore tickets, WebSocketForwarder forwarder, ProblemResponses problems) {
        this.tickets = tickets;
        this.forwarder = forwarder;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // An upgrade after asynchronous work needs the request paused, or Vert.x has consumed it by then.
        request.pause();
        Context trace = Context.current();

        // Checked before the ticket, so that a request that could never be upgraded does not use it up.
        if (!isWebSocketUpgrade(request)) {
            problems.send(ctx, 400, "Bad Request", "This endpoint only speaks WebSocket");
            return;
        }
        String offered = request.getParam("ticket");
        Optional<WsTicketStore.Ticket> ticket = tickets.redeem(offered);
        if (ticket.isEmpty()) {
            problems.unauthorized(ctx, offered == null
                    ? "A WebSocket ticket is required: POST /api/ws-ticket, then connect with ?ticket="
                    : "The WebSocket ticket is unknown, used or expired", offered != null);
            return;
        }
        forwarder.forward(ctx, Upstream.ANALYTICS, ticket.get().bearerToken(), EdgeFilters.requestId(ctx), trace);
    }

    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        return request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && connection != null && connection.toLowerCase().contains("upgrade");
    }
}
