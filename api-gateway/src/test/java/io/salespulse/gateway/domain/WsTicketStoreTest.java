package io.salespulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WsTicketStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final WsTicketStore store = new WsTicketStore(Duration.ofSeconds(30), 100, clock);

    @Test
    void aTicketRemembersTheTokenItStandsFor() {
        WsTicketStore.Ticket ticket = store.issue("eyJ.token", "sub-ann");

        assertThat(store.redeem(ticket.value())).get()
                .satisfies(t -> {
                    assertThat(t.bearerToken()).isEqualTo("eyJ.token");
                    assertThat(t.subject()).isEqualTo("sub-ann");
                });
    }

    @Test
    void aTicketWorksOnce() {
        WsTicketStore.Ticket ticket = store.issue("eyJ.token", "sub-ann");

        assertThat(store.redeem(ticket.value())).isPresent();
        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void aTicketExpires() {
        WsTicketStore.Ticket ticket = store.issue("eyJ.token", "sub-ann");
        clock.advance(Duration.ofSeconds(31));

        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void aTicketIsStillGoodJustBeforeItsDeadline() {
        WsTicketStore.Ticket ticket = store.issue("eyJ.token", "sub-ann");
        clock.advance(Duration.ofSeconds(29));

        assertThat(store.redeem(ticket.value())).isPresent();
    }

    @Test
    void ticketsAre256BitUrlSafeAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String value = store.issue("t", "s").value();
            assertThat(value).matches("[A-Za-z0-9_-]{43}");
            seen.add(value);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void theStoreIsBounded() {
        for (int i = 0; i < 500; i++) {
            store.issue("t", "s");
        }
        assertThat(store.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void nothingRedeemsNothing() {
        assertThat(store.redeem(null)).isEmpty();
        assertThat(store.redeem("")).isEmpty();
        assertThat(store.redeem("made-up")).isEmpty();
    }

    @Test
    void theTokenStaysOutOfLogs() {
        assertThat(store.issue("eyJ.secret", "sub-ann").toString()).doesNotContain("eyJ.secret");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
