package io.salespulse.gateway.rest;

import io.salespulse.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /config.json}: where the browser finds Keycloak. Served at run time, not baked into the build, so one
 * frontend bundle works on every stack (local, system tests on other ports, compose). Public by design: it holds
 * no secret, only the public client's id.
 */
@ApplicationScoped
public class FrontendConfigHandler implements Handler<RoutingContext> {
    static final String CLIENT_ID = "web-frontend";

    private final JsonResponses json;
    private final FrontendConfig config;

    /** What keycloak-js needs: the server, the realm and the public client. */
    public record FrontendConfig(String keycloakUrl, String realm, String clientId) {
    }

    public FrontendConfigHandler(JsonResponses json, GatewayConfig gateway) {
        this.json = json;
        this.config = of(gateway.frontend().keycloakUrl().toString());
    }

    /** Splits a realm URL such as {@code http://localhost:8180/realms/salespulse}. */
    static FrontendConfig of(String realmUrl) {
        String trimmed = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
        int at = trimmed.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("Not a Keycloak realm URL: " + realmUrl);
        }
        return new FrontendConfig(trimmed.substring(0, at), trimmed.substring(at + "/realms/".length()), CLIENT_ID);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        json.send(ctx, 200, config);
    }
}
