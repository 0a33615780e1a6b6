package io.salespulse.gateway.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Single-use, short-lived tickets that stand in for a bearer token on the WebSocket handshake: browsers cannot
 * set an Authorization header on a WebSocket, and a token in the URL would end up in logs and browser history.
 * A ticket is worth one connection within its lifetime and remembers the token the upstream handshake needs.
 *
 * <p>Tickets live in this instance's memory (a bounded Caffeine cache), so the client must open the WebSocket
 * through the gateway instance that issued the ticket; that holds for one gateway, and for several behind a load
 * balancer with sticky sessions.
 */
public final class WsTicketStore {
    private static final int TICKET_BYTES = 32; // 256 bits: not guessable within a ticket's lifetime
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Ticket> tickets;
    private final Duration ttl;
    private final Clock clock;

    /** What a ticket stands for. The token is a credential: never log it (toString leaves it out). */
    public record Ticket(String value, String bearerToken, String subject, Instant expiresAt) {
        @Override
        public String toString() {
            return "Ticket[subject=" + subject + ", expiresAt=" + expiresAt + "]";
        }
    }

    public WsTicketStore(Duration ttl, long capacity, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.tickets = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                // A size bound so that a client minting tickets in a loop cannot exhaust the heap.
                .maximumSize(capacity)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    public Duration ttl() {
        return ttl;
    }

    public Ticket issue(String bearerToken, String subject) {
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        Ticket ticket = new Ticket(URL_SAFE.encodeToString(bytes), bearerToken, subject, clock.instant().plus(ttl));
        tickets.put(ticket.value(), ticket);
        return ticket;
    }

    /** Takes the ticket out of the store: a second redeem of the same value finds nothing. */
    public Optional<Ticket> redeem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Ticket ticket = tickets.asMap().remove(value);
        // Caffeine hides expired entries, but checking the deadline here too keeps the rule in one visible place.
        return Optional.ofNullable(ticket).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }

    public long size() {
        tickets.cleanUp();
        return tickets.estimatedSize();
    }
}
