package io.salespulse.gateway.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketForwarderTest {

    @Test
    void theTicketIsTakenOutOfTheQueryAndTheRestKeptAsEncoded() {
        assertThat(WebSocketForwarder.withoutParameter("ticket=abc&view=store&from=2025%3A01", "ticket"))
                .isEqualTo("view=store&from=2025%3A01");
        assertThat(WebSocketForwarder.withoutParameter("ticket=abc", "ticket")).isNull();
        assertThat(WebSocketForwarder.withoutParameter("tickets=2&ticket", "ticket")).isEqualTo("tickets=2");
        assertThat(WebSocketForwarder.withoutParameter(null, "ticket")).isNull();
    }

    @Test
    void closeCodesThatMayNotBeSentBecomeNormalOrGoingAway() {
        assertThat(WebSocketForwarder.sendableCode(null)).isEqualTo((short) 1000);
        assertThat(WebSocketForwarder.sendableCode((short) 1005)).isEqualTo((short) 1000);
        assertThat(WebSocketForwarder.sendableCode((short) 1006)).isEqualTo((short) 1001);
        assertThat(WebSocketForwarder.sendableCode((short) 4001)).isEqualTo((short) 4001);
    }
}
