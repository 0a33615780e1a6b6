package io.salespulse.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Mounts the gateway on Quarkus' router. These routes come after Quarkus' security filters (so the lazy identity
 * is available) and before the static files of the web frontend, which keep /, /index.html and /assets/*.
 */
@ApplicationScoped
public class GatewayRouter {
    private final GatewayHandler gateway;
    private final LiveSocketHandler liveSocket;
    private final DeviceSocketHandler deviceSocket;
    private final FrontendConfigHandler frontendConfig;

    public GatewayRouter(GatewayHandler gateway, LiveSocketHandler liveSocket, DeviceSocketHandler deviceSocket,
                         FrontendConfigHandler frontendConfig) {
        this.gateway = gateway;
        this.liveSocket = liveSocket;
        this.deviceSocket = deviceSocket;
        this.frontendConfig = frontendConfig;
    }

    void register(@Observes Router router) {
        router.get("/config.json").handler(frontendConfig);
        router.route("/ws/live").handler(liveSocket);
        router.route("/ws/devices").handler(deviceSocket);
        router.route("/api/*").handler(gateway);
        router.route("/webhooks/*").handler(gateway);
    }
}
