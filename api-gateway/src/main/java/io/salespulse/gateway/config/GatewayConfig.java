package io.salespulse.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.salespulse.gateway.domain.Upstream;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * The gateway's settings. Every key can come from the environment by the usual MicroProfile rule
 * ({@code gateway.upstream.orders} = {@code GATEWAY_UPSTREAM_ORDERS}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service (scheme, host, port and optionally a path prefix). */
    Upstreams upstream();

    /** The pooled HTTP client that talks to the services. */
    Client client();

    /**
     * The largest request body the gateway forwards. POS batch uploads are big; the JSON APIs limit
     * their bodies again in each service.
     */
    @WithDefault("200M")
    MemorySize maxBodySize();

    Ws ws();

    Frontend frontend();

    interface Upstreams {
        @WithDefault("http://127.0.0.1:8081")
        URI ingest();

        @WithDefault("http://127.0.0.1:8082")
        URI orders();

        @WithDefault("http://127.0.0.1:8083")
        URI inventory();

        @WithDefault("http://127.0.0.1:8084")
        URI analytics();

        @WithDefault("http://127.0.0.1:8085")
        URI recommendations();

        @WithDefault("http://127.0.0.1:8086")
        URI devices();

        default URI of(Upstream upstream) {
            return switch (upstream) {
                case INGEST -> ingest();
                case ORDERS -> orders();
                case INVENTORY -> inventory();
                case ANALYTICS -> analytics();
                case RECOMMENDATIONS -> recommendations();
                case DEVICES -> devices();
                case GATEWAY -> throw new IllegalArgumentException("The gateway is not an upstream");
            };
        }
    }

    interface Client {
        /** How long to wait for a connection (TCP connect, or a free one from the pool); then 504. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long an upstream may stay silent while answering; then 504. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Keep-alive connections per upstream. */
        @WithDefault("64")
        int poolSize();

        /**
         * Requests waiting for a pooled connection per upstream at most. One more is answered 503 with Retry-After at
         * once: under overload a client learns to back off right away instead of after connect-timeout (504), and
         * the requests already waiting are not pushed past their deadline.
         */
        @WithDefault("256")
        int maxWaiting();
    }

    interface Ws {
        /** Lifetime of a WebSocket ticket: long enough to open the socket right after asking, no longer. */
        @WithDefault("30s")
        Duration ticketTtl();

        /** Upper bound on outstanding tickets (memory). */
        @WithDefault("10000")
        int ticketCapacity();
    }

    interface Frontend {
        /**
         * Keycloak as the browser reaches it; its origin goes into the Content-Security-Policy so the SPA
         * may call and frame it. Defaults to the OIDC server the gateway validates tokens against.
         */
        @WithDefault("${quarkus.oidc.auth-server-url}")
        URI keycloakUrl();
    }
}
