package io.salespulse.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before Quarkus OIDC's provider: answers a bearer token this service verified before from
 * {@link VerifiedTokens}; for any other token it answers nothing (a null item), and Quarkus asks the OIDC provider,
 * which verifies it as always. {@link VerifiedTokenRecorder} remembers what the OIDC provider verified.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final VerifiedTokens verifiedTokens;

    public VerifiedTokenIdentityProvider(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Higher goes first, and a provider that does not say (Quarkus OIDC's) has IdentityProvider's default of 1001,
        // above SYSTEM_FIRST: anything lower is never asked, because OIDC answers every bearer token.
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        return Uni.createFrom().item(token == null ? null : verifiedTokens.find(token).orElse(null));
    }
}
