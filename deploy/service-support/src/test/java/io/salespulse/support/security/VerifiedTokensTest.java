package io.salespulse.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
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
    void rememberingAnAnsweredTokenAgainDoesNotExtendItsMaximumAge() {
        tokens.remember("token-a", identity("clerk", NOW.plusSeconds(3600)));

        now = NOW.plusSeconds(30);
        // every request answered from memory passes the augmentors, this service's recorder included, again
        tokens.remember("token-a", identity("clerk", NOW.plusSeconds(3600)));
        now = NOW.plusSeconds(61);

        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void findCountsWhatItAnswered() {
        tokens.remember("token-a", identity("clerk", NOW.plusSeconds(300)));

        tokens.find("token-a");
        tokens.find("token-b");
        tokens.find("token-a");

        assertThat(tokens.answered()).isEqualTo(2);
    }

    @Test
    void theRememberedIdentityIsAskedForBeforeQuarkusOidcVerifiesTheToken() {
        // Quarkus OIDC's provider keeps IdentityProvider's default priority; higher priorities are asked first
        IdentityProvider<TokenAuthenticationRequest> withTheDefault = new IdentityProvider<>() {
            @Override
            public Class<TokenAuthenticationRequest> getRequestType() {
                return TokenAuthenticationRequest.class;
            }

            @Override
            public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
                return Uni.createFrom().nullItem();
            }
        };

        assertThat(new VerifiedTokenIdentityProvider(tokens).priority()).isGreaterThan(withTheDefault.priority());
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
