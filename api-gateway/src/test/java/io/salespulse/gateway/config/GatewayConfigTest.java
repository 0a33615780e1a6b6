package io.salespulse.gateway.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.salespulse.gateway.domain.Upstream;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration contract (with Quarkus' converters, as in the application): defaults for the local stack, and environment variables for everything else. */
class GatewayConfigTest {

    @Test
    void defaultsPointAtTheLocalStack() {
        GatewayConfig config = load(Map.of());

        assertThat(config.upstream().of(Upstream.INGEST)).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.upstream().of(Upstream.ORDERS)).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(config.upstream().of(Upstream.INVENTORY)).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(config.upstream().of(Upstream.ANALYTICS)).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(config.upstream().of(Upstream.RECOMMENDATIONS)).isEqualTo(URI.create("http://127.0.0.1:8085"));
        assertThat(config.upstream().of(Upstream.DEVICES)).isEqualTo(URI.create("http://127.0.0.1:8086"));
        assertThat(config.maxBodySize().asLongValue()).isEqualTo(200L * 1024 * 1024);
        assertThat(config.ws().ticketTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.frontend().keycloakUrl()).isEqualTo(URI.create("http://localhost:8180/realms/salespulse"));
    }

    @Test
    void environmentVariablesOverrideEveryKey() {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAM_ORDERS", "http://order-service:8082",
                "GATEWAY_UPSTREAM_DEVICES", "http://device-gateway:8086",
                "GATEWAY_CLIENT_REQUEST_TIMEOUT", "45s",
                "GATEWAY_CLIENT_POOL_SIZE", "8",
                "GATEWAY_MAX_BODY_SIZE", "20M"));

        assertThat(config.upstream().orders()).isEqualTo(URI.create("http://order-service:8082"));
        assertThat(config.upstream().devices()).isEqualTo(URI.create("http://device-gateway:8086"));
        assertThat(config.client().requestTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.client().poolSize()).isEqualTo(8);
        assertThat(config.maxBodySize().asLongValue()).isEqualTo(20L * 1024 * 1024);
    }

    private static GatewayConfig load(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors() // ${...} expressions
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(
                        Map.of("quarkus.oidc.auth-server-url", "http://localhost:8180/realms/salespulse"), "test", 100))
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
