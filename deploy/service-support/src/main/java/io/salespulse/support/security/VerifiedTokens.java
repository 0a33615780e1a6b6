package io.salespulse.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.InstantSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Identities of the bearer tokens this service has verified, kept until the token expires and for at most
 * {@code maxAge}. A client sends the same token with every request, and checking its RSA signature and parsing it
 * again was a fifth of the gateway's CPU per proxied order and a seventh of channel-ingest's.
 * <p>
 * Only the exact token text finds an entry, and only a verified token with an expiry is remembered, so this answers
 * nothing the verification would not. What it changes: a token signed with a key Keycloak has since removed is
 * still honoured for up to {@code maxAge} (tokens are verified locally, never introspected, so revocation was never
 * checked per request either).
 */
public final class VerifiedTokens {
    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    private final Cache<String, Verified> verified;
    private final InstantSource clock;
    private final LongAdder answered = new LongAdder();

    public VerifiedTokens(Duration maxAge, long capacity, InstantSource clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                // Only tokens that passed verification get in, but a bound keeps a flood of them off the heap.
                .maximumSize(capacity)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** The identity {@code token} was verified as, while the token is unexpired. */
    public Optional<SecurityIdentity> find(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return Optional.empty();
        }
        if (clock.millis() >= known.expiresAtMillis()) {
            verified.invalidate(token);
            return Optional.empty();
        }
        answered.increment();
        return Optional.of(known.identity());
    }

    /** How many times {@link #find} answered with a remembered identity. */
    public long answered() {
        return answered.sum();
    }

    /** Remembers what {@code token} was just verified as; anonymous identities and tokens without expiry are not. */
    public void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        if (verified.getIfPresent(token) != null) {
            return; // answered from here (and augmented again): a second put would push its maximum age back
        }
        long expiresAtMillis = TimeUnit.SECONDS.toMillis(expiry(jwt));
        if (expiresAtMillis > 0 && clock.millis() < expiresAtMillis) {
            verified.put(token, new Verified(withoutRequest(identity), expiresAtMillis));
        }
    }

    /** Quarkus OIDC attaches the request it verified the token on; a remembered identity must not keep it alive. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        return identity.getAttribute(RoutingContext.class.getName()) == null ? identity
                : QuarkusSecurityIdentity.builder(identity).addAttribute(RoutingContext.class.getName(), null).build();
    }

    /** The exp claim in epoch seconds, 0 without one (read null-safe: getExpirationTime() unboxes it). */
    private static long expiry(JsonWebToken jwt) {
        Object exp = jwt.getClaim(Claims.exp.name());
        if (exp instanceof Number number) {
            return number.longValue();
        }
        return exp instanceof JsonNumber number ? number.longValue() : 0;
    }

    @Override
    public String toString() {
        return "VerifiedTokens[" + verified.estimatedSize() + " tokens, " + answered.sum() + " answered]";
    }
}
