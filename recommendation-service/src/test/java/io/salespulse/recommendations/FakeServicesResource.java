package io.salespulse.recommendations;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server standing in for analytics-service, inventory-service and the weather API (tested for real
 * in their own modules and in the system tests); each test stubs what it needs.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        var url = server.baseUrl();
        var config = new java.util.HashMap<>(Map.of(
                "quarkus.rest-client.analytics.url", url,
                "quarkus.rest-client.inventory.url", url,
                "salespulse.weather.open-meteo.base-url", url,
                "salespulse.weather.openweather.base-url", url,
                "quarkus.rest-client.open-meteo.read-timeout", "1000",
                "salespulse.weather.provider", "open-meteo"));
        config.putAll(extraConfig(url));
        return config;
    }

    /** Subclasses add configuration pointing more fakes at the same server. */
    protected Map<String, String> extraConfig(String url) {
        return Map.of();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
