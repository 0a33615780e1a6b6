package io.salespulse.gateway.rest;

import io.opentelemetry.context.Context;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.gateway.client.WebSocketForwarder;
import io.salespulse.gateway.domain.Roles;
import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /ws/devices}: live POS stations and readers stream scans and tag reads to device-gateway. Devices are
 * not browsers: they send their client-credentials token in the Authorization header of the upgrade, which the
 * gateway checks (role {@code device}) and the device gateway checks again against the device's registration.
 */
@ApplicationScoped
public class DeviceSocketHandler implements Handler<RoutingContext> {
    private final Identities identities;
    private final WebSocketForwarder forwarder;
    private final ProblemResponses problems;

    public DeviceSocketHandler(Identities identities, WebSocketForwarder forwarder, ProblemResponses problems) {
        this.identities = identities;
        this.forwarder = forwarder;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.request().pause();
        Context trace = Context.current();
        io.vertx.core.Context requestContext = Vertx.currentContext();
        if (!LiveSocketHandler.isWebSocketUpgrade(ctx.request())) {
            problems.send(ctx, 400, "Bad Request", "This endpoint only speaks WebSocket");
            return;
        }
        identities.resolve(ctx).subscribe().with(
                identity -> GatewayHandler.onRequestContext(requestContext, () -> authorize(ctx, identity, trace)),
                failure -> GatewayHandler.onRequestContext(requestContext, () -> problems.unauthorized(ctx,
                        "The bearer token is invalid or expired", failure instanceof AuthenticationFailedException)));
    }

    private void authorize(RoutingContext ctx, SecurityIdentity identity, Context trace) {
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (identity == null || identity.isAnonymous() || token == null) {
            problems.unauthorized(ctx, "A device token is required in the Authorization header", false);
        } else if (!identity.getRoles().contains(Roles.DEVICE)) {
            problems.forbidden(ctx);
        } else {
            forwarder.forward(ctx, Upstream.DEVICES, token.getToken(), EdgeFilters.requestId(ctx), trace);
        }
    }
}
