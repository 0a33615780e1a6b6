package io.salespulse.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Stands in for order-service's customer store (PUT /privacy/customers/{ref}) in this module's tests, for every test
 * class (the system tests hand data to the real one). A body with {@link #REFUSED_EMAIL} gets 503, as a store that is
 * down would answer.
 */
@QuarkusTestResource(value = CustomerStoreFake.class, restrictToAnnotatedClass = false)
public class CustomerStoreFake implements QuarkusTestResourceLifecycleManager {
    public static final String REFUSED_EMAIL = "store-is-down@example.com";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(put(urlPathMatching("/privacy/customers/cus_.*")).atPriority(5)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(put(urlPathMatching("/privacy/customers/cus_.*")).atPriority(1)
                .withRequestBody(containing(REFUSED_EMAIL))
                .willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.customer-store.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
