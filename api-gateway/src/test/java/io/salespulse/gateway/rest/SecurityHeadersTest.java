package io.salespulse.gateway.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityHeadersTest {

    @Test
    void theCspLetsTheSpaTalkToAndFrameKeycloakOnly() {
        SecurityHeaders headers = new SecurityHeaders(URI.create("https://login.salespulse.example/realms/salespulse"));

        assertThat(headers.headers().get("Content-Security-Policy"))
                .startsWith("default-src 'self'; ")
                .contains("connect-src 'self' ws: wss: https://login.salespulse.example; ")
                .contains("frame-src https://login.salespulse.example; ")
                .contains("img-src 'self' data:; ")
                .contains("style-src 'self' 'unsafe-inline'")
                .doesNotContain("/realms");
        assertThat(headers.headers())
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(headers.headers().get("Permissions-Policy")).contains("camera=(self)");
    }

    @Test
    void theKeycloakOriginKeepsAnExplicitPort() {
        assertThat(SecurityHeaders.origin(URI.create("http://localhost:8180/realms/salespulse")))
                .isEqualTo("http://localhost:8180");
    }

    @Test
    void aRelativeKeycloakUrlIsAConfigurationError() {
        assertThatThrownBy(() -> SecurityHeaders.origin(URI.create("/realms/salespulse")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
