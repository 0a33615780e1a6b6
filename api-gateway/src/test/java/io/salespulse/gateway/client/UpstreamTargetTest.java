package io.salespulse.gateway.client;

import io.salespulse.gateway.domain.Upstream;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamTargetTest {

    @Test
    void aBaseUrlGivesHostPortAndPathPrefix() {
        UpstreamTarget target = UpstreamTarget.of(Upstream.ORDERS, URI.create("https://orders.internal/v1/"));

        assertThat(target.host()).isEqualTo("orders.internal");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.ssl()).isTrue();
        assertThat(target.uri("/orders", "channel=WEB")).isEqualTo("/v1/orders?channel=WEB");
    }

    @Test
    void withoutAPrefixThePathIsTheServicePath() {
        UpstreamTarget target = UpstreamTarget.of(Upstream.INGEST, URI.create("http://127.0.0.1:8081"));

        assertThat(target.port()).isEqualTo(8081);
        assertThat(target.uri("/orders", null)).isEqualTo("/orders");
        assertThat(target.uri("/orders", "")).isEqualTo("/orders");
    }

    @Test
    void onlyHttpUrlsWithAHostAreUpstreams() {
        assertThatThrownBy(() -> UpstreamTarget.of(Upstream.INGEST, URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpstreamTarget.of(Upstream.INGEST, URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
