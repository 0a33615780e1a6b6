package io.salespulse.gateway.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.salespulse.gateway.config.GatewayConfig;
import io.salespulse.gateway.domain.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What every request gets, whatever serves it (proxy, SPA files, health): a request id, the security headers,
 * and the body size check. Registered as Quarkus filters so that they run before authentication and before
 * Quarkus' own body limit, which would answer 413 with an empty body.
 */
@ApplicationScoped
public class EdgeFilters {
    /** Routing-context key of the request id; the proxy forwards it and problems are logged with it. */
    public static final String REQUEST_ID = "salespulse.request-id";

    // Filter priorities become negative route orders: higher runs earlier. Quarkus' upload limit runs at order -2,
    // authentication at -200.
    private static final int HEADERS_PRIORITY = 10_000;
    private static final int BODY_LIMIT_PRIORITY = 5_000;

    private final SecurityHeaders securityHeaders;
    private final ProblemResponses problems;
    private final long maxBodyBytes;

    public EdgeFilters(GatewayConfig config, ProblemResponses problems) {
        this.securityHeaders = new SecurityHeaders(config.frontend().keycloakUrl());
        this.problems = problems;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID);
    }

    void register(@Observes Filters filters) {
        filters.register(this::requestIdAndHeaders, HEADERS_PRIORITY);
        filters.register(this::bodyLimit, BODY_LIMIT_PRIORITY);
    }

    void requestIdAndHeaders(RoutingContext ctx) {
        String requestId = RequestIds.keepOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(REQUEST_ID, requestId);
        // Set when the headers go out, so that they win over whatever an upstream or a Quarkus handler put there.
        boolean appShell = isAppShell(ctx.normalizedPath());
        ctx.addHeadersEndHandler(v -> {
            securityHeaders.headers().forEach(ctx.response()::putHeader);
            ctx.response().putHeader(RequestIds.HEADER, requestId);
            if (appShell) {
                // The page that names the hashed bundles must be revalidated, or a release stays invisible for a day.
                ctx.response().putHeader("Cache-Control", "no-cache");
            }
        });
        ctx.next();
    }

    static boolean isAppShell(String path) {
        return "/".equals(path) || "/index.html".equals(path) || "/sw.js".equals(path)
                || "/manifest.webmanifest".equals(path);
    }

    void bodyLimit(RoutingContext ctx) {
        // Only the declared length can be checked up front; chunked bodies are counted while they are proxied.
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                problems.send(ctx, 400, "Bad Request", "Content-Length is not a number");
                return;
            }
            if (length > maxBodyBytes) {
                problems.payloadTooLarge(ctx, maxBodyBytes);
                return;
            }
        }
        ctx.next();
    }
}
