package io.salespulse.gateway.rest;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.gateway.domain.RouteTable;
import io.salespulse.gateway.domain.WsTicketStore;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** The few answers the gateway gives itself, for callers the route table has already let through. */
@ApplicationScoped
public class GatewayEndpoints {
    private final WsTicketStore tickets;
    private final JsonResponses json;
    private final ProblemResponses problems;

    public GatewayEndpoints(WsTicketStore tickets, JsonResponses json, ProblemResponses problems) {
        this.tickets = tickets;
        this.json = json;
        this.problems = problems;
    }

    public void handle(String rulePath, RoutingContext ctx, SecurityIdentity identity) {
        switch (rulePath) {
            case RouteTable.WHOAMI -> whoami(ctx, identity);
            case RouteTable.WS_TICKET -> wsTicket(ctx, identity);
            default -> throw new IllegalStateException("No gateway endpoint for " + rulePath);
        }
    }

    void whoami(RoutingContext ctx, SecurityIdentity identity) {
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
        String username = jwt != null && jwt.getClaim("preferred_username") != null
                ? jwt.getClaim("preferred_username").toString()
                : identity.getPrincipal().getName();
        String subject = jwt != null ? jwt.getSubject() : null;
        List<String> roles = identity.getRoles().stream().sorted().toList();
        json.send(ctx, 200, new WhoAmIResponse(username, subject, roles));
    }

    void wsTicket(RoutingContext ctx, SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            problems.unauthorized(ctx, "A WebSocket ticket needs a bearer token to stand for", false);
            return;
        }
        WsTicketStore.Ticket ticket = tickets.issue(token.getToken(), identity.getPrincipal().getName());
        // A ticket is a credential: no cache may keep it.
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.send(ctx, 200, new WsTicketResponse(ticket.value(), tickets.ttl().toSeconds()));
    }
}
