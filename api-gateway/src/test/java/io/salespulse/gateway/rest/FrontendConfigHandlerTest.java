package io.salespulse.gateway.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrontendConfigHandlerTest {

    @Test
    void splitsTheRealmUrlForKeycloakJs() {
        assertThat(FrontendConfigHandler.of("http://localhost:8180/realms/salespulse/"))
                .isEqualTo(new FrontendConfigHandler.FrontendConfig("http://localhost:8180", "salespulse", "web-frontend"));
    }

    @Test
    void refusesAUrlWithoutARealm() {
        assertThatThrownBy(() -> FrontendConfigHandler.of("http://localhost:8180/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
