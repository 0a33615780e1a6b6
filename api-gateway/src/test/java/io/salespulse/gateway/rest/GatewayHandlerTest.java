package io.salespulse.gateway.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayHandlerTest {

    @Test
    void encodedSeparatorsAreRefusedInAnyCase() {
        assertThat(GatewayHandler.hasEncodedSeparator("/api/orders%2F..%2Fprivacy")).isTrue();
        assertThat(GatewayHandler.hasEncodedSeparator("/api/orders%2f..")).isTrue();
        assertThat(GatewayHandler.hasEncodedSeparator("/api/orders%5C..")).isTrue();
        assertThat(GatewayHandler.hasEncodedSeparator("/api/orders/o-1%20x")).isFalse();
    }
}
