package io.salespulse.support.security;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private Instant now = NOW;
    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, () -> now);

    @Test
    void aVerifiedTokenIsAnsweredWithItsIdentityAndOnlyForTheExactSameText() {
        SecurityIdentity clerk = identity("clerk", NOW.plusSeconds(300));

        tokens.remember("token-a", clerk);

        assertThat(tokens.find("token-a")).containsSame(clerk);
        assertThat(tokens.find("token-a ")).isEmpty();
        assertThat(tokens.find("token-b")).isEmpty();
    }

    @Test
    void aRememberedIdentityDoesNotHoldOnToTheRequestItWasVerifiedOn() {
        SecurityIdentity verifiedOnARequest = QuarkusSecurityIdentity.builder(identity("clerk", NOW.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .addAttribute("tenant-id", "Default")
                .build();

        tokens.remember("token-a", verifiedOnARequest);

        SecurityIdentity remembered = tokens.find("token-a").orElseThrow();
        assertThat(remembered.<Object>getAttribute(RoutingContext.class.getName())).isNull();
        assertThat(remembered.<Object>getAttribute("tenant-id")).isEqualTo("Default");
        assertThat(remembered.getPrincipal()).isSameAs(verifiedOnARequest.getPrincipal());
        assertThat(remembered.getRoles()).containsExactly("clerk");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        tokens.remember("token-a", identity("clerk", NOW.plusSeconds(10)));

        now = NOW.plusSeconds(10);

        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.remember("token-a", identity("clerk", NOW.plusSeconds(3600)));

        now = NOW.plusSeconds(59);
        assertThat(tokens.find("token-a")).isPresent();
        now = NOW.plusSeconds(61);
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void anonymousIdentitiesTokensWithoutExpiryAndAlreadyExpiredOnesAreNotRemembered() {
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember("no-exp", identity("clerk", null));
        tokens.remember("expired", identity("clerk", NOW.minusSeconds(1)));

        assertThat(tokens.find("anonymous")).isEmpty();
        assertThat(tokens.find("no-exp")).isEmpty();
        assertThat(tokens.find("expired")).isEmpty();
    }

    private static SecurityIdentity identity(String user, Instant expiresAt) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return user;
            }

            @Override
            public Set<String> getClaimNames() {
                return expiresAt == null ? Set.of("sub") : Set.of("sub", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                if ("exp".equals(claimName) && expiresAt != null) {
                    return (T) Long.valueOf(expiresAt.getEpochSecond());
                }
                return "sub".equals(claimName) ? (T) user : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole(user).build();
    }
}
