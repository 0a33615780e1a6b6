package io.salespulse.gateway.rest;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.gateway.client.HttpForwarder;
import io.salespulse.gateway.domain.AccessDecision;
import io.salespulse.gateway.domain.RouteMatch;
import io.salespulse.gateway.domain.RouteRule;
import io.salespulse.gateway.domain.RouteTable;
import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every /api and /webhooks request: find the route, check the caller against it, then proxy it or answer it.
 * Errors are problem+json: 404 unknown path, 405 wrong method, 401 no or bad token, 403 wrong role.
 */
@ApplicationScoped
public class GatewayHandler implements Handler<RoutingContext> {
    private final RouteTable routes;
    private final Identities identities;
    private final HttpForwarder forwarder;
    private final GatewayEndpoints endpoints;
    private final ProblemResponses problems;

    public GatewayHandler(RouteTable routes, Identities identities, HttpForwarder forwarder,
                          GatewayEndpoints endpoints, ProblemResponses problems) {
        this.routes = routes;
        this.identities = identities;
        this.forwarder = forwarder;
        this.endpoints = endpoints;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Hold the body until we know where it goes: token checks are asynchronous and unread bytes would be lost.
        request.pause();
        // Captured here, on the request's own context, where the server span is current.
        Context trace = Context.current();
        io.vertx.core.Context requestContext = Vertx.currentContext();

        if (hasEncodedSeparator(request.path())) {
            // An encoded slash could be decoded into a different path by the service than the one authorized here.
            problems.send(ctx, 400, "Bad Request", "Encoded path separators are not accepted");
            return;
        }
        // Authorize and forward the normalized path (dot segments resolved), never the raw one.
        RouteMatch match = routes.route(request.method().name(), ctx.normalizedPath());
        if (match instanceof RouteMatch.NotFound) {
            problems.send(ctx, 404, "Not Found", "No service answers " + ctx.normalizedPath());
            return;
        }
        if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            problems.send(ctx, 405, "Method Not Allowed", request.method().name() + " is not allowed here",
                    Map.of(HttpHeaders.ALLOW.toString(), String.join(", ", new TreeSet<>(notAllowed.allowed()))));
            return;
        }
        RouteMatch.Routed routed = (RouteMatch.Routed) match;
        if (!routed.rule().access().needsIdentity()) {
            dispatch(ctx, routed, null, trace);
            return;
        }
        identities.resolve(ctx).subscribe().with(
                identity -> onRequestContext(requestContext, () -> authorize(ctx, routed, identity, trace)),
                failure -> onRequestContext(requestContext, () -> authenticationFailed(ctx, failure)));
    }

    private void authorize(RoutingContext ctx, RouteMatch.Routed routed, SecurityIdentity identity, Context trace) {
        AccessDecision decision = routed.rule().access().decide(Identities.caller(identity));
        switch (decision) {
            case ALLOW -> dispatch(ctx, routed, identity, trace);
            case UNAUTHENTICATED -> problems.unauthorized(ctx, "A valid bearer token is required", false);
            case FORBIDDEN -> {
                Log.debugf("Forbidden: %s %s for %s with roles %s", ctx.request().method(), ctx.normalizedPath(),
                        identity.getPrincipal().getName(), identity.getRoles());
                problems.forbidden(ctx);
            }
        }
    }

    private void dispatch(RoutingContext ctx, RouteMatch.Routed routed, SecurityIdentity identity, Context trace) {
        RouteRule rule = routed.rule();
        if (rule.upstream() == Upstream.GATEWAY) {
            endpoints.handle(rule.path(), ctx, identity);
        } else {
            forwarder.forward(ctx, rule.upstream(), routed.upstreamPath(), trace);
        }
    }

    private void authenticationFailed(RoutingContext ctx, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            problems.unauthorized(ctx, "The bearer token is invalid or expired", true);
            return;
        }
        // Not the token's fault: typically Keycloak's keys could not be fetched.
        Log.warnf("Token validation failed for %s: %s", ctx.normalizedPath(), failure.toString());
        problems.send(ctx, 503, "Service Unavailable", "Tokens cannot be validated right now");
    }

    static boolean hasEncodedSeparator(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\");
    }

    /** Mutiny may call back on another thread; the request's handlers belong on the request's context. */
    static void onRequestContext(io.vertx.core.Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
